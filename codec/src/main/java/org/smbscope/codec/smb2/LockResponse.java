package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.27 SMB2 LOCK Response: StructureSize 4 and two reserved bytes. */
public record LockResponse() implements Smb2Response {
    @Override
    public Smb2Command command() {
        return Smb2Command.LOCK;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static LockResponse read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new LockResponse();
    }

    @Override
    public Detail detail() {
        return Detail.of("Lock Response (0x0a)").field("StructureSize", 4);
    }
}
