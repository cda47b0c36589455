/**
 * SMB 2/3 message security ([MS-SMB2] 3.1.4.1 signing, 3.1.4.2 key derivation, 3.1.4.3
 * encryption, 3.2.5.2/3.2.5.3.1 preauthentication integrity). Works on raw bytes so that it does
 * not depend on the SMB2 message records.
 *
 * <ul>
 * <li>{@link org.smbscope.codec.crypto.PreauthHash}: {@code initial().update(negReq).update(negResp)}
 *     for the connection, then session setup requests/responses; {@code value()} is the KDF
 *     context.</li>
 * <li>{@link org.smbscope.codec.crypto.Smb3Keys#derive(int, CipherId, byte[], PreauthHash)}: signing,
 *     encrypting (client to server), decrypting, application keys; {@code forServer()} swaps.
 *     {@link org.smbscope.codec.crypto.Smb3Kdf#derive} is the SP800-108 KDF itself.</li>
 * <li>{@link org.smbscope.codec.crypto.Smb2Signer#of(Smb3Keys, SigningAlgorithm)}: {@code sign},
 *     {@code verify} (constant time), {@code signChain} for compounds, on (buf, offset, length).</li>
 * <li>{@link org.smbscope.codec.crypto.Smb3Transform#of(Smb3Keys, NonceSource)}: {@code seal(sessionId,
 *     plain)} gives TRANSFORM_HEADER + ciphertext; {@code open(bytes)} gives the plaintext or
 *     throws {@link org.smbscope.codec.crypto.CryptoDecodeException}; {@code sessionId(...)} finds
 *     the keys first. {@link org.smbscope.codec.crypto.NonceSource#counter} makes unique nonces.</li>
 * <li>{@link org.smbscope.codec.crypto.Smb3Cipher}: AES-128/256-CCM (own CCM on JDK AES) and -GCM.</li>
 * </ul>
 */
package org.smbscope.codec.crypto;
