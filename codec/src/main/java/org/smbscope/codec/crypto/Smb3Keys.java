package org.smbscope.codec.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The keys of one SMB 2/3 session, derived from the authentication's session key
 * ([MS-SMB2] 3.2.5.3.1 client, 3.3.5.5.3 server, 3.1.4.2 KDF).
 *
 * <p>{@code encrypting} is the key for messages this side sends and {@code decrypting} the key
 * for messages it receives: {@link #derive} gives the client's view (encrypting = client to
 * server, "ServerIn"); {@link #forServer()} swaps them for a server.
 *
 * <table>
 * <caption>labels and contexts</caption>
 * <tr><th>key</th><th>3.0, 3.0.2</th><th>3.1.1 (context: preauth hash)</th></tr>
 * <tr><td>signing</td><td>"SMB2AESCMAC\0" / "SmbSign\0"</td><td>"SMBSigningKey\0"</td></tr>
 * <tr><td>client to server</td><td>"SMB2AESCCM\0" / "ServerIn \0"</td><td>"SMBC2SCipherKey\0"</td></tr>
 * <tr><td>server to client</td><td>"SMB2AESCCM\0" / "ServerOut\0"</td><td>"SMBS2CCipherKey\0"</td></tr>
 * <tr><td>application</td><td>"SMB2APP\0" / "SmbRpc\0"</td><td>"SMBAppKey\0"</td></tr>
 * </table>
 *
 * <p>The key derivation key is Session.SessionKey, the first 16 bytes of the authentication's
 * key (right-padded with zeros), except for the cipher keys with AES-256-CCM/GCM, which are
 * derived from the full session key (Session.FullSessionKey; 32 bytes with Kerberos AES-256)
 * and are 256 bits (L = 256); signing and application keys stay 128 bits from the 16 bytes.
 * For 2.0.2 and 2.1 the signing key is the session key itself and there are no cipher keys
 * (empty arrays).
 *
 * @param dialect     the negotiated dialect (0x0202 ... 0x0311)
 * @param cipher      the cipher the cipher keys are for, or null if none (2.x)
 * @param signing     the signing key
 * @param encrypting  the key for messages this side sends (empty if none)
 * @param decrypting  the key for messages this side receives (empty if none)
 * @param application the application key (empty for 2.x)
 */
public record Smb3Keys(int dialect, CipherId cipher, byte[] signing, byte[] encrypting, byte[] decrypting,
                       byte[] application) {

    public Smb3Keys {
        signing = signing.clone();
        encrypting = encrypting.clone();
        decrypting = decrypting.clone();
        application = application.clone();
    }

    /**
     * The client's keys.
     *
     * @param dialect     0x0202, 0x0210, 0x0300, 0x0302 or 0x0311
     * @param cipher      the negotiated cipher; ignored (AES-128-CCM) for 3.0/3.0.2; may be null
     *                    for 2.x, and for 3.1.1 when no cipher was negotiated (AES-128-CCM sized
     *                    keys are then derived anyway)
     * @param sessionKey  the authentication's session key (NTLM: 16 bytes, Kerberos: up to 32)
     * @param preauthHash the session's preauth hash, required for 3.1.1, ignored otherwise
     */
    public static Smb3Keys derive(int dialect, CipherId cipher, byte[] sessionKey, PreauthHash preauthHash) {
        Objects.requireNonNull(sessionKey, "sessionKey");
        byte[] key16 = Arrays.copyOf(sessionKey, 16);
        if (dialect < 0x0300) {
            return new Smb3Keys(dialect, null, key16, new byte[0], new byte[0], new byte[0]);
        }
        if (dialect < 0x0311) {
            return new Smb3Keys(dialect, CipherId.AES_128_CCM,
                    Smb3Kdf.derive(key16, Smb3Kdf.ascii("SMB2AESCMAC\0"), Smb3Kdf.ascii("SmbSign\0"), 128),
                    Smb3Kdf.derive(key16, Smb3Kdf.ascii("SMB2AESCCM\0"), Smb3Kdf.ascii("ServerIn \0"), 128),
                    Smb3Kdf.derive(key16, Smb3Kdf.ascii("SMB2AESCCM\0"), Smb3Kdf.ascii("ServerOut\0"), 128),
                    Smb3Kdf.derive(key16, Smb3Kdf.ascii("SMB2APP\0"), Smb3Kdf.ascii("SmbRpc\0"), 128));
        }
        Objects.requireNonNull(preauthHash, "preauthHash is required for SMB 3.1.1");
        CipherId c = cipher == null ? CipherId.AES_128_CCM : cipher;
        boolean aes256 = c.keyLength() == 32;
        // Session.FullSessionKey keys only the AES-256 cipher keys; signing and application keys
        // always come from Session.SessionKey, the first 16 bytes (checked against Samba with a
        // 32-byte Kerberos key, interop KerberosClientInteropTest)
        byte[] cipherKi = aes256 ? sessionKey.clone() : key16;
        byte[] ctx = preauthHash.value();
        int l = c.keyLength() * 8;
        return new Smb3Keys(dialect, cipher,
                Smb3Kdf.derive(key16, Smb3Kdf.ascii("SMBSigningKey\0"), ctx, 128),
                Smb3Kdf.derive(cipherKi, Smb3Kdf.ascii("SMBC2SCipherKey\0"), ctx, l),
                Smb3Kdf.derive(cipherKi, Smb3Kdf.ascii("SMBS2CCipherKey\0"), ctx, l),
                Smb3Kdf.derive(key16, Smb3Kdf.ascii("SMBAppKey\0"), ctx, 128));
    }

    /** The same keys seen from the server: it encrypts with the server-to-client key. */
    public Smb3Keys forServer() {
        return new Smb3Keys(dialect, cipher, signing, decrypting, encrypting, application);
    }

    /** True if cipher keys exist (SMB 3.x). */
    public boolean canEncrypt() {
        return encrypting.length > 0 && cipher != null;
    }

    @Override
    public byte[] signing() {
        return signing.clone();
    }

    @Override
    public byte[] encrypting() {
        return encrypting.clone();
    }

    @Override
    public byte[] decrypting() {
        return decrypting.clone();
    }

    @Override
    public byte[] application() {
        return application.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb3Keys k && dialect == k.dialect && cipher == k.cipher
                && Arrays.equals(signing, k.signing) && Arrays.equals(encrypting, k.encrypting)
                && Arrays.equals(decrypting, k.decrypting) && Arrays.equals(application, k.application);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, cipher, Arrays.hashCode(signing), Arrays.hashCode(encrypting));
    }

    /** Shows the algorithm, never the key bytes. */
    @Override
    public String toString() {
        return "Smb3Keys[dialect=0x" + HexFormat.of().toHexDigits((short) dialect) + ", cipher="
                + (cipher == null ? "none" : cipher.label()) + "]";
    }
}
