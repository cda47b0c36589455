package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.Detail;

/** An error response with WordCount 0 and ByteCount 0. [MS-CIFS] 2.2.3 (error responses). */
public record Smb1ErrorResponse(Smb1Command command, long status) implements Smb1Message {
    @Override
    public boolean isResponse() {
        return true;
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command, new byte[0], new byte[0], offset);
    }

    @Override
    public Detail detail() {
        return Detail.of(command.name() + " Error Response").field("Word Count (WCT)", 0).field("Byte Count (BCC)", 0);
    }
}
