package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.29 SMB2 ECHO Response: StructureSize 4 and two reserved bytes. */
public record EchoResponse() implements Smb2Response {
    @Override
    public Smb2Command command() {
        return Smb2Command.ECHO;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static EchoResponse read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new EchoResponse();
    }

    @Override
    public Detail detail() {
        return Detail.of("KeepAlive Response (0x0d)").field("StructureSize", 4);
    }
}
