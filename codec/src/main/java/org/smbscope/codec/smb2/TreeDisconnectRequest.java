package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.11 SMB2 TREE_DISCONNECT Request: StructureSize 4 and two reserved bytes. */
public record TreeDisconnectRequest() implements Smb2Request {
    @Override
    public Smb2Command command() {
        return Smb2Command.TREE_DISCONNECT;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(4).u16le(0);
    }

    static TreeDisconnectRequest read(Body b) throws DecodeException {
        b.structureSize(4);
        b.r.skip("Reserved", 2);
        return new TreeDisconnectRequest();
    }

    @Override
    public Detail detail() {
        return Detail.of("Tree Disconnect Request (0x04)").field("StructureSize", 4);
    }
}
