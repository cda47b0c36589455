package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.12 SMB2 TREE_DISCONNECT Response: StructureSize 4 and two reserved bytes. */
public record TreeDisconnectResponse() implements Smb2Response {
    @Override
    public Smb2Command command() {
        return Smb2Command.TREE_DISCONNECT;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static TreeDisconnectResponse read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new TreeDisconnectResponse();
    }

    @Override
    public Detail detail() {
        return Detail.of("Tree Disconnect Response (0x04)").field("StructureSize", 4);
    }
}
