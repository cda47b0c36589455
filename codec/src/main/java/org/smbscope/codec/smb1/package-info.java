/**
 * SMB1 / CIFS message codec ([MS-CIFS], [MS-SMB]): pure, no I/O.
 *
 * <p>API: {@link org.smbscope.codec.smb1.Smb1Packet#decode(byte[])} splits a message into its
 * {@link org.smbscope.codec.smb1.Smb1Header} and AndX-chained {@link org.smbscope.codec.smb1.Smb1Block}s;
 * {@link org.smbscope.codec.smb1.Smb1Messages#decode(byte[])} also decodes each block into an
 * {@link org.smbscope.codec.smb1.Smb1Message} (NEGOTIATE, SESSION_SETUP_ANDX, TREE_CONNECT_ANDX requests and
 * responses in both security forms; error responses; everything else as {@link org.smbscope.codec.smb1.Smb1RawMessage}).
 * {@link org.smbscope.codec.smb1.Smb1Packet#encode(Smb1Header, java.util.List)} lays messages out as one AndX
 * chain. {@link org.smbscope.codec.smb1.Smb1Signer} computes [MS-CIFS] 3.1.4.1 MD5 signatures.
 * Status is kept raw ({@code Smb1Header.status()}); malformed input throws
 * {@link org.smbscope.codec.smb1.Smb1DecodeException} only.
 */
package org.smbscope.codec.smb1;
