package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.Described;

/**
 * A decoded SMB1 command block (request or response). Encoding needs the block's offset from the
 * header start (string alignment and in-message offsets depend on it) and the Flags2 in force.
 */
public sealed interface Smb1Message extends Described
        permits NegotiateRequest, NegotiateResponse, SessionSetupAndXRequest, SessionSetupAndXResponse,
        TreeConnectAndXRequest, TreeConnectAndXResponse, TransactionRequest, TransactionResponse, TransactionSecondaryRequest, NtCreateAndXRequest, NtCreateAndXResponse, ReadAndXRequest,
        ReadAndXResponse, WriteAndXRequest, WriteAndXResponse, CloseRequest, FlushRequest, PathRequest, EchoMessage,
        LogoffAndX, NtTransactMessage, Smb1EmptyMessage, Smb1ErrorResponse, Smb1RawMessage {
    Smb1Command command();

    boolean isResponse();

    Smb1Block encode(int offset, Smb1Flags2 flags2);
}
