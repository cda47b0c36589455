package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;

/**
 * One SMB2 message: header and body. {@code offset}/{@code length} locate it in the frame it was
 * decoded from (for signature checks of compound members); both are 0 for packets built to encode.
 */
public record Smb2Packet(Smb2Header header, Smb2Message message, int offset, int length) implements Described {
    public Smb2Packet(Smb2Header header, Smb2Message message) {
        this(header, message, 0, 0);
    }

    public boolean isResponse() {
        return header.isResponse();
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("SMB2 (Server Message Block Protocol version 2)");
        d.child(header.detail());
        d.child(message.detail());
        return d;
    }
}
