package org.smbscope.codec.smb2;

/** A message a client sends, [MS-SMB2] 2.2. */
public sealed interface Smb2Request extends Smb2Message permits NegotiateRequest, SessionSetupRequest,
        LogoffRequest, TreeConnectRequest, TreeDisconnectRequest, CreateRequest, CloseRequest, FlushRequest,
        ReadRequest, WriteRequest, LockRequest, EchoRequest, CancelRequest, IoctlRequest, QueryDirectoryRequest,
        ChangeNotifyRequest, QueryInfoRequest, SetInfoRequest, OplockBreak, LeaseBreakAcknowledgment,
        UnknownMessage {
}
