/**
 * SMB 2/3 messages, [MS-SMB2] 2.2: pure codec, both directions, no I/O.
 *
 * <p>API summary:
 * <ul>
 * <li>{@link org.smbscope.codec.smb2.Smb2Codec}: {@code encode(header, message)} to bytes,
 * {@code decode(frame)} (one message) and {@code decodeAll(frame)} (compound) to
 * {@link org.smbscope.codec.smb2.Smb2Packet}(header, message, offset, length); {@code kind(frame)}
 * tells SMB2 / TRANSFORM / COMPRESSED / SMB1 apart. Errors are
 * {@link org.smbscope.codec.smb2.Smb2DecodeException}.</li>
 * <li>{@link org.smbscope.codec.smb2.Smb2Header}: 64-byte header, sync/async, {@code request(cmd, mid)},
 * {@code responseTo(req, status, credits)}, {@code with*} copies, {@code SIGNATURE_OFFSET} = 48 for
 * signing (sign the encoded bytes, then patch bytes 48..64).</li>
 * <li>Messages: sealed {@link org.smbscope.codec.smb2.Smb2Request} / {@link org.smbscope.codec.smb2.Smb2Response}
 * records: Negotiate, SessionSetup, Logoff, TreeConnect, TreeDisconnect, Create (with
 * {@link org.smbscope.codec.smb2.CreateContext}), Close, Flush, Read, Write, Lock, Echo, Cancel,
 * Ioctl, QueryDirectory, ChangeNotify, QueryInfo, SetInfo, OplockBreak, LeaseBreak*,
 * {@link org.smbscope.codec.smb2.ErrorResponse} (any failed response with the 9-byte error body),
 * UnknownMessage.</li>
 * <li>{@link org.smbscope.codec.smb2.NegotiateContext}: PreauthIntegrity, Encryption, Signing,
 * Netname, Other.</li>
 * <li>{@link org.smbscope.codec.smb2.Smb2Compound}: {@code split} / {@code join} by NextCommand with
 * 8-byte alignment.</li>
 * <li>{@link org.smbscope.codec.smb2.Smb2TransformHeader}: 52-byte encryption header, {@code aad()} =
 * bytes 20..52; the AEAD itself lives in the crypto package.</li>
 * <li>Open value types: Smb2Command, Smb2Dialect, Smb2Flags, SecurityMode, Capabilities,
 * SessionFlags, ShareType, ShareFlags, ShareCapabilities, AccessMask, OplockLevel,
 * ImpersonationLevel, CreateDisposition, CreateOptions, CreateAction, ShareAccess, InfoType, CtlCode,
 * Cipher, SigningAlgorithm, HashAlgorithm, FileId.</li>
 * </ul>
 * Read/write data are read-only {@link java.nio.ByteBuffer} views sharing the decoded frame.
 */
package org.smbscope.codec.smb2;
