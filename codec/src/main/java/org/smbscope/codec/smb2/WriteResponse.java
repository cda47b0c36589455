package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.22 SMB2 WRITE Response: the number of bytes written. */
public record WriteResponse(int count, int remaining) implements Smb2Response {
    static final int STRUCTURE_SIZE = 17;

    @Override
    public Smb2Command command() {
        return Smb2Command.WRITE;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(0).u32le(count & 0xFFFFFFFFL).u32le(remaining & 0xFFFFFFFFL).u16le(0).u16le(0);
    }

    static WriteResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        r.skip("Reserved", 2);
        int count = r.i32le("Count");
        int remaining = r.i32le("Remaining");
        r.skip("WriteChannelInfo", 4);
        return new WriteResponse(count, remaining);
    }

    @Override
    public Detail detail() {
        return Detail.of("Write Response (0x09)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Write Count", Integer.toUnsignedString(count))
                .field("Write Remaining", Integer.toUnsignedString(remaining));
    }
}
