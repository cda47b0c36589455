package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;

/**
 * [MS-CIFS] 3.1.4.1 signing checked against Samba's signed SMB1 session in a_smb1_nt1 (frames 64-66,
 * alice / Passw0rd! / WORKGROUP, NTLMv2 with key exchange). The session key is derived here
 * independently of the codec: NTOWFv2, NTProofStr (from frame 63), RC4 of EncryptedRandomSessionKey.
 */
class Smb1SignerTest {
    static final HexFormat HEX = HexFormat.of();
    static final byte[] NT_PROOF = HEX.parseHex("acd122b1b3dd3a940fdda9cb73a1f21f");
    static final byte[] ENCRYPTED_SESSION_KEY = HEX.parseHex("f5ac532aa7900ebd9d5178cdb0f9125c");
    /** Frame 64: final SESSION_SETUP_ANDX response, signed with sequence 1. */
    static final byte[] FRAME_64 = HEX.parseHex("ff534d4273000000008817c80000fe46c88b336c707c00000000ed3d705b020004ff0000"
            + "0000001d006d00a11b3019a0030a0100a312041001000000e963b3775c8986be00000000570069006e0064006f0077007300"
            + "200036002e0031000000530061006d0062006100200034002e00310037002e00310032002d00440065006200690061006e00"
            + "00004c00410042004700520050000000");
    /** Frame 65: TREE_CONNECT_ANDX request, sequence 2. */
    static final byte[] FRAME_65 = HEX.parseHex("ff534d4275000000001857c800006bf09dda5acfb2330000ffffed3d705b030004ff0000"
            + "000c0001002900005c005c003100320037002e0030002e0030002e00310030005c004900500043002400000049504300");
    /** Frame 66: TREE_CONNECT_ANDX response, sequence 3. */
    static final byte[] FRAME_66 = HEX.parseHex("ff534d4275000000008817c80000fbe81555394d5e3c0000f309ed3d705b030007ff0000"
            + "002100ff010000ff010000070049504300000000");

    static byte[] hmacMd5(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(key, "HmacMD5"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    static byte[] sessionKey() throws Exception {
        byte[] pw = "Passw0rd!".getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(pw, 0, pw.length);
        byte[] ntHash = new byte[16];
        md4.doFinal(ntHash, 0);
        byte[] ntowfv2 = hmacMd5(ntHash, "ALICEWORKGROUP".getBytes(StandardCharsets.UTF_16LE));
        byte[] baseKey = hmacMd5(ntowfv2, NT_PROOF);
        Cipher rc4 = Cipher.getInstance("ARCFOUR");
        rc4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(baseKey, "ARCFOUR"));
        return rc4.doFinal(ENCRYPTED_SESSION_KEY);
    }

    @Test
    void verifiesSambaSignatures() throws Exception {
        byte[] key = Smb1Signer.macKey(sessionKey(), new byte[0]);
        assertThat(Smb1Signer.verify(key, FRAME_64, 1)).isTrue();
        assertThat(Smb1Signer.verify(key, FRAME_65, 2)).isTrue();
        assertThat(Smb1Signer.verify(key, FRAME_66, 3)).isTrue();
        assertThat(Smb1Signer.verify(key, FRAME_65, 3)).isFalse();
        assertThat(HEX.formatHex(Smb1Signer.signature(key, FRAME_65, 2))).isEqualTo("6bf09dda5acfb233");
    }

    @Test
    void signReproducesAndTamperingIsDetected() throws Exception {
        byte[] key = Smb1Signer.macKey(sessionKey(), new byte[0]);
        byte[] zeroed = FRAME_66.clone();
        java.util.Arrays.fill(zeroed, Smb1Header.SIGNATURE_OFFSET, Smb1Header.SIGNATURE_OFFSET + 8, (byte) 0);
        assertThat(Smb1Signer.sign(key, zeroed, 3)).isEqualTo(FRAME_66);
        byte[] tampered = FRAME_66.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(Smb1Signer.verify(key, tampered, 3)).isFalse();
        assertThat(Smb1Signer.macKey(new byte[] {1, 2}, new byte[] {3})).containsExactly(1, 2, 3);
    }
}
