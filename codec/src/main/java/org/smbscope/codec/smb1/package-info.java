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
 * Status: {@code Smb1Header.status()} is the raw field; {@code Smb1Header.ntStatusValue()} gives the
 * {@link org.smbscope.codec.status.NtStatus} (directly, or mapped from the DOS class/code by
 * {@link org.smbscope.codec.smb1.DosError}, which also names them, e.g. "ERRDOS/ERRbadfile").
 * Large READ_ANDX responses and WRITE_ANDX requests (DataLengthHigh != 0) carry data past what the
 * 16-bit ByteCount says: the data end is taken from DataOffset + length and checked against the message;
 * ByteCount is written as the low 16 bits. Windows' extended NT_CREATE_ANDX response (WordCount 42
 * declared, 50 words sent) is read as 50 words. Malformed input throws
 * {@link org.smbscope.codec.smb1.Smb1DecodeException} only. Secondary transaction requests are
 * {@link org.smbscope.codec.smb1.TransactionSecondaryRequest}; multi-part responses are reassembled by
 * the caller from the displacements.
 */
package org.smbscope.codec.smb1;
