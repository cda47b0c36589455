package org.smbscope.codec.smb1;

import java.util.Arrays;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_WRITE_ANDX request ([MS-CIFS] 2.2.4.43.1, WordCount 12 or 14 with OffsetHigh; DataLengthHigh
 * for CAP_LARGE_WRITEX, [MS-SMB] 2.2.4.3.1). DataOffset must lie within the data block.
 */
public record WriteAndXRequest(int fid, long offset, long timeout, int writeMode, int remaining, byte[] data)
        implements Smb1Message {
    public WriteAndXRequest {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.WRITE_ANDX;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static WriteAndXRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 12 && b.wordCount() != 14) {
            throw p.failAt("WordCount", b.offset(), "WRITE_ANDX request WordCount " + b.wordCount() + ", expected 12 or 14");
        }
        p.skip("AndX", 4);
        int fid = p.u16le("FID");
        long off = p.u32le("Offset");
        long timeout = p.u32le("Timeout");
        int mode = p.u16le("WriteMode");
        int rem = p.u16le("Remaining");
        int high = p.u16le("DataLengthHigh");
        int low = p.u16le("DataLength");
        int dataOff = p.u16le("DataOffset");
        if (b.wordCount() == 14) {
            off |= p.u32le("OffsetHigh") << 32;
        }
        int len = (high << 16) | low;
        byte[] bytes = TransactionRequest.section(Smb1Strings.reader(b.data()), b, "Data", dataOff, len);
        return new WriteAndXRequest(fid, off, timeout, mode, rem, bytes);
    }

    @Override
    public Smb1Block encode(int at, Smb1Flags2 flags2) {
        int base = at + 1 + 28 + 2;
        int pad = base & 1;
        WireWriter p = new WireWriter().u32le(0xFF).u16le(fid).u32le(offset & 0xFFFFFFFFL).u32le(timeout)
                .u16le(writeMode).u16le(remaining).u16le(data.length >>> 16).u16le(data.length & 0xFFFF)
                .u16le(base + pad).u32le(offset >>> 32);
        return new Smb1Block(command(), p.toByteArray(), new WireWriter().zeros(pad).bytes(data).toByteArray(), at);
    }

    @Override
    public Detail detail() {
        return Detail.of("Write AndX Request").field("FID", String.format("0x%04x", fid)).field("Offset", offset)
                .field("Write Mode", String.format("0x%04x", writeMode)).field("Remaining", remaining)
                .field("Data Length", data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteAndXRequest w && fid == w.fid && offset == w.offset && timeout == w.timeout
                && writeMode == w.writeMode && remaining == w.remaining && Arrays.equals(data, w.data);
    }

    @Override
    public int hashCode() {
        return fid + Long.hashCode(offset) + Arrays.hashCode(data);
    }
}
