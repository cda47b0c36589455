package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.30 SMB2 CANCEL Request: StructureSize 4 and two reserved bytes. */
public record CancelRequest() implements Smb2Request {
    @Override
    public Smb2Command command() {
        return Smb2Command.CANCEL;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static CancelRequest read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new CancelRequest();
    }

    @Override
    public Detail detail() {
        return Detail.of("Cancel Request (0x0c)").field("StructureSize", 4);
    }
}
