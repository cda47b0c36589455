package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** SMB_COM_WRITE_ANDX response ([MS-CIFS] 2.2.4.43.2; CountHigh from [MS-SMB] 2.2.4.3.2). */
public record WriteAndXResponse(long count, int available) implements Smb1Message {
    @Override
    public Smb1Command command() {
        return Smb1Command.WRITE_ANDX;
    }

    @Override
    public boolean isResponse() {
        return true;
    }

    static WriteAndXResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 6) {
            throw p.failAt("WordCount", b.offset(), "WRITE_ANDX response WordCount " + b.wordCount() + ", expected 6");
        }
        p.skip("AndX", 4);
        int low = p.u16le("Count");
        int avail = p.u16le("Available");
        int high = p.u16le("CountHigh");
        return new WriteAndXResponse(((long) high << 16) | low, avail);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter().u32le(0xFF).u16le((int) (count & 0xFFFF)).u16le(available)
                .u16le((int) (count >>> 16) & 0xFFFF).u16le(0);
        return new Smb1Block(command(), p.toByteArray(), new byte[0], offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Write AndX Response").field("Count", count).field("Remaining", available);
    }
}
