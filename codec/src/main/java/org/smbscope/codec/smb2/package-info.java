/**
 * SMB 2.0.2 to 3.1.1 messages, [MS-SMB2] 2.2: {@link org.smbscope.codec.smb2.Smb2Header} (sync and
 * async forms), request and response bodies as records in two sealed hierarchies
 * ({@link org.smbscope.codec.smb2.Smb2Request}, {@link org.smbscope.codec.smb2.Smb2Response}),
 * paired as {@link org.smbscope.codec.smb2.Smb2Packet}. {@link org.smbscope.codec.smb2.Smb2Codec}
 * decodes a frame (compounds split by NextCommand, each body bounded by its own message) and
 * encodes packets back (NextCommand and 8-byte alignment set). Open codes:
 * {@link org.smbscope.codec.smb2.Smb2Command}, {@link org.smbscope.codec.smb2.Smb2Dialect}; the
 * failure type is {@link org.smbscope.codec.smb2.Smb2DecodeException}. Signing and encryption
 * live in {@code org.smbscope.codec.crypto}.
 */
package org.smbscope.codec.smb2;
