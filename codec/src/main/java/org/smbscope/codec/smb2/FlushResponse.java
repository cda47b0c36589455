package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.18 SMB2 FLUSH Response: StructureSize 4 and two reserved bytes. */
public record FlushResponse() implements Smb2Response {
    @Override
    public Smb2Command command() {
        return Smb2Command.FLUSH;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static FlushResponse read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new FlushResponse();
    }

    @Override
    public Detail detail() {
        return Detail.of("Flush Response (0x07)").field("StructureSize", 4);
    }
}
