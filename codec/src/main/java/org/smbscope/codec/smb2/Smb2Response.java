package org.smbscope.codec.smb2;

/** A message a server sends, [MS-SMB2] 2.2. */
public sealed interface Smb2Response extends Smb2Message permits NegotiateResponse, SessionSetupResponse,
        LogoffResponse, TreeConnectResponse, TreeDisconnectResponse, CreateResponse, CloseResponse, FlushResponse,
        ReadResponse, WriteResponse, LockResponse, EchoResponse, IoctlResponse, QueryDirectoryResponse,
        ChangeNotifyResponse, QueryInfoResponse, SetInfoResponse, OplockBreak, LeaseBreakNotification,
        LeaseBreakAcknowledgment, ErrorResponse, UnknownMessage {
}
