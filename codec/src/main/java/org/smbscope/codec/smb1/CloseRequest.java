package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** SMB_COM_CLOSE request (FID, LastTimeModified). [MS-CIFS] 2.2.4.5.1. The response is {@link Smb1EmptyMessage}. */
public record CloseRequest(int fid, long lastTimeModified) implements Smb1Message {
    @Override
    public Smb1Command command() {
        return Smb1Command.CLOSE;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static CloseRequest decode(Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 3) {
            throw p.failAt("WordCount", b.offset(), "CLOSE request WordCount " + b.wordCount() + ", expected 3");
        }
        return new CloseRequest(p.u16le("FID"), p.u32le("LastTimeModified"));
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command(), new WireWriter().u16le(fid).u32le(lastTimeModified).toByteArray(), new byte[0], offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Close Request").field("FID", String.format("0x%04x", fid))
                .field("Last Write", lastTimeModified == 0xFFFFFFFFL || lastTimeModified == 0 ? "No time specified"
                        : lastTimeModified);
    }
}
