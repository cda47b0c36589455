package org.smbscope.codec.smb1;

import java.util.Arrays;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_READ_ANDX response ([MS-CIFS] 2.2.4.42.2; DataLengthHigh from [MS-SMB] 2.2.4.2.2). DataOffset is
 * from the header start and must lie within the data block. Reads larger than 64 KiB (whose ByteCount
 * cannot hold the length) are not split by {@link Smb1Packet} yet.
 */
public record ReadAndXResponse(int available, byte[] data) implements Smb1Message {
    public ReadAndXResponse {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.READ_ANDX;
    }

    @Override
    public boolean isResponse() {
        return true;
    }

    static ReadAndXResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 12) {
            throw p.failAt("WordCount", b.offset(), "READ_ANDX response WordCount " + b.wordCount() + ", expected 12");
        }
        p.skip("AndX", 4);
        int avail = p.u16le("Available");
        p.skip("DataCompactionMode", 2);
        p.skip("Reserved1", 2);
        int lenLow = p.u16le("DataLength");
        int off = p.u16le("DataOffset");
        int lenHigh = p.u16le("DataLengthHigh");
        long len = ((long) lenHigh << 16) | lenLow;
        WireReader d = Smb1Strings.reader(b.data());
        if (len > Integer.MAX_VALUE) {
            throw d.fail("DataLength", "data length " + len + " too large");
        }
        byte[] bytes = TransactionRequest.section(d, b, "Data", off, (int) len);
        return new ReadAndXResponse(avail, bytes);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        int base = offset + 1 + 24 + 2;
        int pad = base & 1;
        WireWriter p = new WireWriter().u32le(0xFF).u16le(available).u16le(0).u16le(0).u16le(data.length & 0xFFFF)
                .u16le(base + pad).u16le(data.length >>> 16).zeros(8);
        WireWriter d = new WireWriter().zeros(pad).bytes(data);
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Read AndX Response").field("Remaining", available).field("Data Length", data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadAndXResponse r && available == r.available && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) + available;
    }
}
