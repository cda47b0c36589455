/**
 * SMB1 / CIFS message codec ([MS-CIFS], [MS-SMB]): pure, no I/O, both directions.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@link org.smbscope.codec.smb1.Smb1Packet#decode(byte[])}: header + AndX-split
 *     {@link org.smbscope.codec.smb1.Smb1Block}s (AndXOffset must move forward and stay inside; 0xFF ends);
 *     {@link org.smbscope.codec.smb1.Smb1Packet#encode(Smb1Header, java.util.List)} lays
 *     {@link org.smbscope.codec.smb1.Smb1Message}s out as one chain and patches AndX fields.</li>
 * <li>{@link org.smbscope.codec.smb1.Smb1Messages#decode(byte[])} /
 *     {@code decode(header, block)}: typed messages. Requests and responses: NEGOTIATE (dialect strings;
 *     NT LM 0.12 response non-extended / extended / no-dialect), SESSION_SETUP_ANDX (NT LM 0.12 LM+NT
 *     responses, or extended security blob), TREE_CONNECT_ANDX (+extended response), NT_CREATE_ANDX
 *     (+extended response), READ_ANDX / WRITE_ANDX (large), CLOSE, FLUSH, DELETE, RENAME,
 *     CREATE/DELETE_DIRECTORY ({@link org.smbscope.codec.smb1.PathRequest}), ECHO, LOGOFF_ANDX,
 *     TREE_DISCONNECT ({@link org.smbscope.codec.smb1.Smb1EmptyMessage}), TRANSACTION / TRANSACTION2
 *     ({@link org.smbscope.codec.smb1.TransactionRequest}/{@link org.smbscope.codec.smb1.TransactionResponse}:
 *     named pipes, {@code \MAILSLOT\BROWSE}), NT_TRANSACT (opaque); error responses
 *     ({@link org.smbscope.codec.smb1.Smb1ErrorResponse}); anything else
 *     {@link org.smbscope.codec.smb1.Smb1RawMessage}.</li>
 * <li>{@link org.smbscope.codec.smb1.Trans2}: TRANS2 subcommand parameters and info levels
 *     (FIND_FIRST2/NEXT2 + SMB_FIND_FILE_BOTH_DIRECTORY_INFO, QUERY_PATH/FILE/FS, SET_FILE, basic/standard info).</li>
 * <li>{@link org.smbscope.codec.smb1.Smb1Signer}: [MS-CIFS] 3.1.4.1 MD5 signatures (MAC key = session key
 *     [+ NT response]; request n, response n+1).</li>
 * <li>Value types: {@link org.smbscope.codec.smb1.Smb1Command}, {@link org.smbscope.codec.smb1.Smb1Flags},
 *     {@link org.smbscope.codec.smb1.Smb1Flags2}, {@link org.smbscope.codec.smb1.SecurityMode} (3/7/15 explained),
 *     {@link org.smbscope.codec.smb1.Capabilities}.</li>
 * </ul>
 * Status is kept raw ({@code Smb1Header.status()}, DOS class/code when NT_STATUS is clear); malformed
 * input throws {@link org.smbscope.codec.smb1.Smb1DecodeException} only. Not modelled: secondary
 * transactions, reads/writes over 64 KiB whose ByteCount cannot hold the length, the Windows
 * NT_CREATE_ANDX extended response that declares WordCount 42.
 */
package org.smbscope.codec.smb1;
