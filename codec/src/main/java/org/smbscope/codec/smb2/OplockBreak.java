package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.23.1 Oplock Break Notification, 2.2.24.1 Oplock Break Acknowledgment and 2.2.25.1
 * Oplock Break Response: the same 24-byte layout in both directions.
 */
public record OplockBreak(OplockLevel oplockLevel, FileId fileId) implements Smb2Request, Smb2Response {
    static final int STRUCTURE_SIZE = 24;

    public OplockBreak {
        Objects.requireNonNull(oplockLevel);
        Objects.requireNonNull(fileId);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.OPLOCK_BREAK;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(oplockLevel.value()).u8(0).u32le(0);
        fileId.write(w);
    }

    static OplockBreak read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        OplockLevel level = new OplockLevel(r.u8("OplockLevel"));
        r.skip("Reserved", 1);
        r.skip("Reserved2", 4);
        return new OplockBreak(level, b.fileId());
    }

    @Override
    public Detail detail() {
        return Detail.of("Break Request/Response (0x12)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Oplock", oplockLevel)
                .field("File Id", fileId);
    }
}
