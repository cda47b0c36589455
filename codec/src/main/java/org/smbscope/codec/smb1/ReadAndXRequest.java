package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_READ_ANDX request ([MS-CIFS] 2.2.4.42.1, WordCount 10 or 12 with OffsetHigh); with
 * CAP_LARGE_READX the Timeout field carries MaxCountHigh ([MS-SMB] 2.2.4.2.1). {@link #maxCount()}
 * combines both.
 */
public record ReadAndXRequest(int fid, long offset, int maxCountLow, int minCount, long maxCountHighOrTimeout,
        int remaining) implements Smb1Message {
    public static ReadAndXRequest of(int fid, long offset, long count) {
        return new ReadAndXRequest(fid, offset, (int) (count & 0xFFFF), 0, (count >>> 16) & 0xFFFF, 0);
    }

    /** MaxCountOfBytesToReturn combined with MaxCountHigh (when large reads are in use). */
    public long maxCount() {
        return ((maxCountHighOrTimeout & 0xFFFF) << 16) | maxCountLow;
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.READ_ANDX;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static ReadAndXRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 10 && b.wordCount() != 12) {
            throw p.failAt("WordCount", b.offset(), "READ_ANDX request WordCount " + b.wordCount() + ", expected 10 or 12");
        }
        p.skip("AndX", 4);
        int fid = p.u16le("FID");
        long off = p.u32le("Offset");
        int max = p.u16le("MaxCountOfBytesToReturn");
        int min = p.u16le("MinCountOfBytesToReturn");
        long high = p.u32le("Timeout_or_MaxCountHigh");
        int rem = p.u16le("Remaining");
        if (b.wordCount() == 12) {
            off |= p.u32le("OffsetHigh") << 32;
        }
        return new ReadAndXRequest(fid, off, max, min, high, rem);
    }

    @Override
    public Smb1Block encode(int at, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter().u32le(0xFF).u16le(fid).u32le(offset & 0xFFFFFFFFL).u16le(maxCountLow)
                .u16le(minCount).u32le(maxCountHighOrTimeout).u16le(remaining).u32le(offset >>> 32);
        return new Smb1Block(command(), p.toByteArray(), new byte[0], at);
    }

    @Override
    public Detail detail() {
        return Detail.of("Read AndX Request").field("FID", String.format("0x%04x", fid)).field("Offset", offset)
                .field("Max Count Low", maxCountLow).field("Min Count", minCount)
                .field("Max Count High", maxCountHighOrTimeout).field("Remaining", remaining)
                .field("Max Count", maxCount());
    }
}
