package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.40 SMB2 SET_INFO Response: StructureSize 2 only. */
public record SetInfoResponse() implements Smb2Response {
    @Override
    public Smb2Command command() {
        return Smb2Command.SET_INFO;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(2);
    }

    static SetInfoResponse read(Body b) throws DecodeException {
        b.structureSize(2);
        return new SetInfoResponse();
    }

    @Override
    public Detail detail() {
        return Detail.of("SetInfo Response (0x11)").field("StructureSize", 2);
    }
}
