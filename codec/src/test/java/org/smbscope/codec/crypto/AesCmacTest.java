package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AES-CMAC: the RFC 4493 vectors, and BouncyCastle's CMac as a second implementation. */
class AesCmacTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 4493 {index}")
    @CsvFileSource(resources = "cmac-rfc4493.txt", delimiter = ' ')
    void rfc4493(String key, String message, String mac) {
        byte[] m = message.equals("-") ? new byte[0] : HEX.parseHex(message);
        assertThat(HEX.formatHex(new AesCmac(HEX.parseHex(key)).mac(m, 0, m.length))).isEqualTo(mac);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 33, 64, 100, 4095, 65536, 65553, 200_000})
    void matchesBouncyCastleInAnyPieces(int length) {
        SplittableRandom random = new SplittableRandom(length);
        byte[] key = new byte[16];
        byte[] data = new byte[length];
        random.nextBytes(key);
        random.nextBytes(data);

        CMac bc = new CMac(AESEngine.newInstance());
        bc.init(new KeyParameter(key));
        bc.update(data, 0, data.length);
        byte[] expected = new byte[16];
        bc.doFinal(expected, 0);

        AesCmac cmac = new AesCmac(key);
        assertThat(cmac.mac(data, 0, data.length)).isEqualTo(expected);
        // the same data fed in random pieces
        AesCmac.Computation c = cmac.mac();
        int pos = 0;
        while (pos < length) {
            int n = Math.min(length - pos, random.nextInt(40));
            c.update(data, pos, n);
            pos += n;
        }
        assertThat(c.doFinal()).isEqualTo(expected);
    }
}
