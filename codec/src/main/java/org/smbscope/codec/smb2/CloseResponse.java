package org.smbscope.codec.smb2;

import java.util.Objects;
import java.util.Set;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.16 SMB2 CLOSE Response (attributes are zero unless POSTQUERY_ATTRIB was asked). */
public record CloseResponse(int flags, FileTime creationTime, FileTime lastAccessTime, FileTime lastWriteTime,
        FileTime changeTime, long allocationSize, long endOfFile, Set<FileAttribute> fileAttributes)
        implements Smb2Response {
    static final int STRUCTURE_SIZE = 60;

    public CloseResponse {
        Objects.requireNonNull(creationTime);
        Objects.requireNonNull(lastAccessTime);
        Objects.requireNonNull(lastWriteTime);
        Objects.requireNonNull(changeTime);
        fileAttributes = Set.copyOf(fileAttributes);
    }

    /** A response without attributes. */
    public static CloseResponse empty() {
        return new CloseResponse(0, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, 0, 0, Set.of());
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.CLOSE;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(flags).u32le(0).u64le(creationTime.value()).u64le(lastAccessTime.value())
                .u64le(lastWriteTime.value()).u64le(changeTime.value()).u64le(allocationSize).u64le(endOfFile)
                .u32le(FileAttribute.toMask(fileAttributes));
    }

    static CloseResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int flags = r.u16le("Flags");
        r.skip("Reserved", 4);
        return new CloseResponse(flags, b.time("CreationTime"), b.time("LastAccessTime"), b.time("LastWriteTime"),
                b.time("ChangeTime"), r.u64le("AllocationSize"), r.u64le("EndofFile"),
                FileAttribute.fromMask(r.i32le("FileAttributes")));
    }

    @Override
    public Detail detail() {
        return Detail.of("Close Response (0x06)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Close Flags", String.format("0x%04x", flags))
                .field("Create", creationTime)
                .field("Last Access", lastAccessTime)
                .field("Last Write", lastWriteTime)
                .field("Last Change", changeTime)
                .field("Allocation Size", allocationSize)
                .field("End Of File", endOfFile)
                .field("File Attributes", FileAttribute.describe(FileAttribute.toMask(fileAttributes)));
    }
}
