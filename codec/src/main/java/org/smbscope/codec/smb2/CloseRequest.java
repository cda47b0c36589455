package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.15 SMB2 CLOSE Request. {@code flags}: {@link #POSTQUERY_ATTRIB}. */
public record CloseRequest(int flags, FileId fileId) implements Smb2Request {
    static final int STRUCTURE_SIZE = 24;
    public static final int POSTQUERY_ATTRIB = 0x0001;

    public CloseRequest {
        Objects.requireNonNull(fileId);
    }

    public CloseRequest(FileId fileId) {
        this(0, fileId);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.CLOSE;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(flags).u32le(0);
        fileId.write(w);
    }

    static CloseRequest read(Body b) throws DecodeException {
        b.structureSize(STRUCTURE_SIZE);
        int flags = b.r.u16le("Flags");
        b.r.skip("Reserved", 4);
        return new CloseRequest(flags, b.fileId());
    }

    @Override
    public Detail detail() {
        return Detail.of("Close Request (0x06)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Close Flags", String.format("0x%04x", flags) + ((flags & 1) != 0 ? " (POSTQUERY_ATTRIB)" : ""))
                .field("File Id", fileId);
    }
}
