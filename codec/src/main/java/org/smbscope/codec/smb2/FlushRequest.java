package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.17 SMB2 FLUSH Request. */
public record FlushRequest(FileId fileId) implements Smb2Request {
    static final int STRUCTURE_SIZE = 24;

    public FlushRequest {
        Objects.requireNonNull(fileId);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.FLUSH;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(0).u32le(0);
        fileId.write(w);
    }

    static FlushRequest read(Body b) throws DecodeException {
        b.structureSize(STRUCTURE_SIZE);
        b.r.skip("Reserved1", 2);
        b.r.skip("Reserved2", 4);
        return new FlushRequest(b.fileId());
    }

    @Override
    public Detail detail() {
        return Detail.of("Flush Request (0x07)").field("StructureSize", STRUCTURE_SIZE).field("File Id", fileId);
    }
}
