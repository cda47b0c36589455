package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** SMB_COM_FLUSH request (FID; 0xFFFF flushes all). [MS-CIFS] 2.2.4.6.1. */
public record FlushRequest(int fid) implements Smb1Message {
    @Override
    public Smb1Command command() {
        return Smb1Command.FLUSH;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static FlushRequest decode(Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 1) {
            throw p.failAt("WordCount", b.offset(), "FLUSH request WordCount " + b.wordCount() + ", expected 1");
        }
        return new FlushRequest(p.u16le("FID"));
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command(), new WireWriter().u16le(fid).toByteArray(), new byte[0], offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Flush Request").field("FID", String.format("0x%04x", fid));
    }
}
