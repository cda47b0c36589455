package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.8 SMB2 LOGOFF Response: StructureSize 4 and two reserved bytes. */
public record LogoffResponse() implements Smb2Response {
    @Override
    public Smb2Command command() {
        return Smb2Command.LOGOFF;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static LogoffResponse read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new LogoffResponse();
    }

    @Override
    public Detail detail() {
        return Detail.of("Session Logoff Response (0x02)").field("StructureSize", 4);
    }
}
