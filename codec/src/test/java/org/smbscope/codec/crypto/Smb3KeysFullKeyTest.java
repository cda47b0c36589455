package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A 32-byte session key (Kerberos AES-256) with SMB 3.1.1: only the AES-256 cipher keys use the
 * full key ([MS-SMB2] 3.2.5.3.1 Session.FullSessionKey); signing and application keys use the first
 * 16 bytes, as Samba does (proven end to end by the interop KerberosClientInteropTest).
 */
class Smb3KeysFullKeyTest {
    private static final byte[] KEY32 = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY32[i] = (byte) (i * 7 + 1);
        }
    }

    @Test
    void aes256CipherKeysFromTheFullKeySigningFromSixteenBytes() {
        PreauthHash h = PreauthHash.initial().update(new byte[] {1, 2, 3});
        byte[] key16 = Arrays.copyOf(KEY32, 16);
        Smb3Keys k = Smb3Keys.derive(0x0311, CipherId.AES_256_GCM, KEY32, h);
        byte[] ctx = h.value();
        assertThat(k.signing()).isEqualTo(Smb3Kdf.derive(key16, "SMBSigningKey\0", ctx, 128));
        assertThat(k.application()).isEqualTo(Smb3Kdf.derive(key16, "SMBAppKey\0", ctx, 128));
        assertThat(k.encrypting()).hasSize(32).isEqualTo(Smb3Kdf.derive(KEY32, "SMBC2SCipherKey\0", ctx, 256));
        assertThat(k.decrypting()).isEqualTo(Smb3Kdf.derive(KEY32, "SMBS2CCipherKey\0", ctx, 256));
    }

    @Test
    void aes128UsesSixteenBytesEverywhere() {
        PreauthHash h = PreauthHash.initial();
        Smb3Keys full = Smb3Keys.derive(0x0311, CipherId.AES_128_GCM, KEY32, h);
        Smb3Keys cut = Smb3Keys.derive(0x0311, CipherId.AES_128_GCM, Arrays.copyOf(KEY32, 16), h);
        assertThat(full).isEqualTo(cut);
        assertThat(Smb3Keys.derive(0x0300, null, KEY32, null)).isEqualTo(
                Smb3Keys.derive(0x0300, null, Arrays.copyOf(KEY32, 16), null));
    }
}
