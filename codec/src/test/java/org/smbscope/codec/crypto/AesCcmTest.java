package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Our CCM: the RFC 3610 packet vectors, and BouncyCastle's CCM as a second implementation. */
class AesCcmTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 3610 packet vector {index}")
    @CsvFileSource(resources = "ccm-rfc3610.txt", delimiter = ' ')
    void rfc3610(String key, String nonce, int headerLength, String input, String output) throws Exception {
        byte[] in = HEX.parseHex(input);
        byte[] expected = HEX.parseHex(output);
        byte[] aad = Arrays.copyOf(in, headerLength);
        int len = in.length - headerLength;
        AesCcm ccm = new AesCcm(HEX.parseHex(key), 8, 13);
        byte[] out = new byte[len];
        byte[] tag = ccm.seal(HEX.parseHex(nonce), aad, in, headerLength, len, out, 0);
        assertThat(HEX.formatHex(out) + HEX.formatHex(tag)).isEqualTo(output.substring(headerLength * 2));

        byte[] back = new byte[len];
        ccm.open(HEX.parseHex(nonce), aad, expected, headerLength, len, tag, back, 0);
        assertThat(back).isEqualTo(Arrays.copyOfRange(in, headerLength, in.length));
    }

    @ParameterizedTest(name = "AES-{0} {1} bytes")
    @CsvSource({"128,0", "128,1", "128,15", "128,16", "128,17", "128,100", "128,65536", "128,65541", "128,300000",
            "256,0", "256,33", "256,4096", "256,70001"})
    void smbParametersMatchBouncyCastle(int keyBits, int length) throws Exception {
        SplittableRandom random = new SplittableRandom(keyBits * 31L + length);
        byte[] key = new byte[keyBits / 8];
        byte[] nonce = new byte[11];
        byte[] aad = new byte[32];
        byte[] plain = new byte[length];
        random.nextBytes(key);
        random.nextBytes(nonce);
        random.nextBytes(aad);
        random.nextBytes(plain);

        org.bouncycastle.crypto.modes.CCMModeCipher bc = CCMBlockCipher.newInstance(AESEngine.newInstance());
        bc.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] expected = new byte[bc.getOutputSize(length)];
        int n = bc.processBytes(plain, 0, length, expected, 0);
        bc.doFinal(expected, n);

        Smb3Cipher ours = Smb3Cipher.of(keyBits == 128 ? CipherId.AES_128_CCM : CipherId.AES_256_CCM, key);
        byte[] out = new byte[length];
        byte[] tag = ours.seal(nonce, aad, plain, 0, length, out, 0);
        assertThat(out).isEqualTo(Arrays.copyOf(expected, length));
        assertThat(tag).isEqualTo(Arrays.copyOfRange(expected, length, length + 16));

        byte[] back = new byte[length];
        ours.open(nonce, aad, out, 0, length, tag, back, 0);
        assertThat(back).isEqualTo(plain);

        byte[] badAad = aad.clone();
        badAad[31] ^= (byte) 0x80;
        assertThatThrownBy(() -> ours.open(nonce, badAad, out, 0, length, tag, new byte[length], 0))
                .isInstanceOf(AEADBadTagException.class);
        if (length > 0) {
            byte[] tampered = out.clone();
            tampered[length / 2] ^= 1;
            byte[] dest = new byte[length];
            assertThatThrownBy(() -> ours.open(nonce, aad, tampered, 0, length, tag, dest, 0))
                    .isInstanceOf(AEADBadTagException.class);
            assertThat(dest).containsOnly(0); // nothing of the forged plaintext is left
        }
    }
}
