/**
 * The SMB1 (NT LM 0.12) server ([MS-CIFS], [MS-SMB]), enabled by {@code server min protocol = NT1}.
 *
 * <p>{@link org.smbscope.server.smb1.Smb1Connection#takesOver} decides on a connection's first frame (an SMB1
 * NEGOTIATE) whether SMB1 answers it (NT LM 0.12 offered, NT1 allowed, and no SMB2 dialect both sides speak)
 * or whether the SMB2 dispatcher upgrades it (0x0202 / 0x02FF). {@link org.smbscope.server.smb1.Smb1Connection}
 * then serves the connection with a {@code Smb1Dispatcher}: NEGOTIATE (extended and
 * non-extended security), SESSION_SETUP_ANDX (SPNEGO/NTLMSSP or LM/NTLM/LMv2/NTLMv2 responses to the 8-byte
 * challenge), MD5 signing, AndX chains, TREE_CONNECT_ANDX, and the file commands translated into
 * {@code codec.smb2} requests for the share's {@link org.smbscope.server.tree.TreeHandler} (the legacy opens in {@code Smb1LegacyOpens}, the OS/2 EA levels
 * in {@code Smb1Eas}); RAP on
 * {@code \PIPE\LANMAN} and TransactNmPipe for srvsvc on IPC$.
 *
 * <p>Requests of a connection run one at a time in arrival order ({@code Smb1Requests}, the connection's turn),
 * each on a virtual thread of its own, until they complete or go pending ({@code Smb1Exchange}): a blocking
 * LOCKING_ANDX ({@code Smb1Locking}), an open waiting for an oplock break ({@code Smb1Oplocks}) or for a sharing
 * violation to clear, NT_TRANSACT_NOTIFY_CHANGE. A pending request answers later with its own MID/PID and the
 * signing sequence number it reserved on arrival; NT_CANCEL, TREE_DISCONNECT, LOGOFF, PROCESS_EXIT, CLOSE and the
 * connection's end finish it. Responses and oplock breaks are written under one lock.
 */
package org.smbscope.server.smb1;
