package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HMAC-SHA256 truncation, signature-field handling, compounds and bad ranges. */
class Smb2SignerTest {
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    private static byte[] message(int length, int seed) {
        byte[] m = new byte[length];
        for (int i = 0; i < length; i++) {
            m[i] = (byte) (i * 7 + seed);
        }
        m[0] = (byte) 0xFE;
        m[1] = 'S';
        m[2] = 'M';
        m[3] = 'B';
        Arrays.fill(m, 20, 24, (byte) 0); // NextCommand 0
        return m;
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aSignatureComputedPartByPartIsTheSignatureOfTheWhole(SigningAlgorithm alg) {
        Smb2Signer s = Smb2Signer.of(alg, KEY);
        for (int length : new int[] {64, 65, 80, 200_003}) {
            byte[] m = message(length, length);
            s.sign(m, 0, m.length);
            Smb2Signer.Running r = s.start(Arrays.copyOf(m, 64));
            java.nio.ByteBuffer rest = java.nio.ByteBuffer.allocateDirect(length - 64).put(m, 64, length - 64).flip();
            for (int at = 0, step = 1; at < rest.limit(); at += step, step = step * 3 + 5) { // odd sizes, growing
                r.update(rest.slice(at, Math.min(step, rest.limit() - at)));
            }
            assertThat(r.finish()).as("%s, %d bytes", alg, length).isEqualTo(Arrays.copyOfRange(m, 48, 64));
        }
        assertThatThrownBy(() -> s.start(new byte[63])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hmacSha256IsTheFirst16BytesOverTheMessageWithAZeroSignature() throws Exception {
        byte[] m = message(100, 3);
        byte[] zeroed = m.clone();
        Arrays.fill(zeroed, 48, 64, (byte) 0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = Arrays.copyOf(mac.doFinal(zeroed), 16);

        Smb2Signer s = Smb2Signer.of(SigningAlgorithm.HMAC_SHA256, KEY);
        assertThat(s.compute(m, 0, m.length)).isEqualTo(expected); // the old signature bytes are ignored
        s.sign(m, 0, m.length);
        assertThat(Arrays.copyOfRange(m, 48, 64)).isEqualTo(expected);
        assertThat(s.verify(m, 0, m.length)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signsInsideALargerBufferAndEachMessageOfACompound(SigningAlgorithm alg) {
        Smb2Signer s = Smb2Signer.of(alg, KEY);
        byte[] first = message(104, 1);
        first[20] = 104; // NextCommand
        byte[] second = message(72, 2);
        byte[] buf = new byte[10 + 104 + 72 + 5];
        System.arraycopy(first, 0, buf, 10, 104);
        System.arraycopy(second, 0, buf, 114, 72);

        s.signChain(buf, 10, 176);
        assertThat(s.verify(buf, 10, 104)).isTrue();
        assertThat(s.verify(buf, 114, 72)).isTrue();
        assertThat(s.verify(buf, 10, 176)).isFalse();
        buf[150] ^= 1;
        assertThat(s.verify(buf, 114, 72)).isFalse();
        assertThat(s.verify(buf, 10, 104)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aMessageInADirectBufferGetsTheSameSignatureAsInAnArray(SigningAlgorithm alg) {
        Smb2Signer s = Smb2Signer.of(alg, KEY);
        for (int length : new int[] {64, 65, 80, 200_003}) {
            byte[] m = message(length, length);
            s.sign(m, 0, m.length);
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(length + 7);
            direct.position(3);
            direct.put(m).flip().position(3); // the message at 3 .. 3+length, bytes after the limit ignored
            assertThat(s.compute(direct)).as("%s, %d bytes", alg, length).isEqualTo(s.compute(m, 0, m.length));
            assertThat(s.verify(direct)).isTrue();
            assertThat(direct.position()).isEqualTo(3);
            direct.put(3 + length - 1, (byte) (m[length - 1] ^ 1));
            assertThat(s.verify(direct)).isFalse();
            assertThat(s.verify(java.nio.ByteBuffer.wrap(m))).isTrue();
            int split = Math.min(length, 80);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocateDirect(length - split).put(m, split, length - split).flip();
            assertThat(s.compute(Arrays.copyOf(m, split), tail)).as("head and tail").isEqualTo(s.compute(m, 0, m.length));
            assertThat(tail.position()).isZero();
        }
        assertThatThrownBy(() -> s.compute(java.nio.ByteBuffer.allocateDirect(63)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gmacIsGcmWithTheMessageAsAssociatedDataAtEveryLength() throws Exception {
        Smb2Signer s = Smb2Signer.of(SigningAlgorithm.AES_GMAC, KEY);
        for (int length : new int[] {64, 65, 79, 80, 95, 96, 1000, 65_535, 65_536, 65_600, 200_003, 1 << 20}) {
            byte[] m = message(length, length);
            m[16] = (byte) (length & 1); // server-to-client on odd lengths
            byte[] zeroed = m.clone();
            Arrays.fill(zeroed, 48, 64, (byte) 0);
            javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, AesGmacSigner.nonce(m, 0)));
            gcm.updateAAD(zeroed);
            assertThat(s.compute(m, 0, m.length)).as("%d bytes", length).isEqualTo(gcm.doFinal());
        }
    }

    @Test
    void gmacSignsTheSameMessageAgainAndAgainWithItsPooledCiphers() {
        // the JDK refuses a GCM encryption with the key and nonce a cipher used last; a pooled cipher must cope
        Smb2Signer s = Smb2Signer.of(SigningAlgorithm.AES_GMAC, KEY);
        byte[] m = message(300, 300);
        byte[] other = message(500, 500);
        byte[] first = s.compute(m, 0, m.length);
        for (int i = 0; i < 10; i++) {
            assertThat(s.compute(m, 0, m.length)).isEqualTo(first);
            if (i % 3 == 0) {
                s.compute(other, 0, other.length);
            }
        }
    }

    @Test
    void gmacNonceCarriesMessageIdRoleAndCancel() {
        byte[] m = message(64, 0);
        for (int i = 24; i < 32; i++) {
            m[i] = (byte) (i - 23);
        }
        m[12] = 0x0C; // CANCEL
        m[13] = 0;
        m[16] = 1;    // SERVER_TO_REDIR
        assertThat(HexFormat.of().formatHex(AesGmacSigner.nonce(m, 0))).isEqualTo("010203040506070803000000");
    }

    @Test
    void rangesShorterThanAHeaderAreRefused() {
        Smb2Signer s = Smb2Signer.of(SigningAlgorithm.AES_CMAC, KEY);
        assertThatThrownBy(() -> s.compute(new byte[63], 0, 63)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.compute(new byte[80], 20, 64)).isInstanceOf(IllegalArgumentException.class);
        byte[] m = message(80, 0);
        m[20] = 90; // NextCommand past the end
        assertThatThrownBy(() -> s.signChain(m, 0, 80)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kdfRejectsOddLengths() {
        assertThatThrownBy(() -> Smb3Kdf.derive(KEY, "x\0", new byte[0], 12)).isInstanceOf(IllegalArgumentException.class);
        // L is part of every PRF input, so a longer output is not an extension of a shorter one
        byte[] l384 = Smb3Kdf.derive(KEY, "x\0", new byte[0], 384);
        assertThat(l384).hasSize(48);
        assertThat(Arrays.copyOf(l384, 32)).isNotEqualTo(Smb3Kdf.derive(KEY, "x\0", new byte[0], 256));
    }
}
