package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.Detail;

/**
 * A block with WordCount 0 and ByteCount 0 that is not an error: TREE_DISCONNECT request/response,
 * CLOSE, FLUSH, DELETE, RENAME, CREATE_DIRECTORY, DELETE_DIRECTORY responses. [MS-CIFS] 2.2.4.
 */
public record Smb1EmptyMessage(Smb1Command command, boolean isResponse) implements Smb1Message {
    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command, new byte[0], new byte[0], offset);
    }

    @Override
    public Detail detail() {
        return Detail.of(command.name() + (isResponse ? " Response" : " Request"))
                .field("Word Count (WCT)", 0).field("Byte Count (BCC)", 0);
    }
}
