package org.smbscope.codec.smb2;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.14 SMB2 CREATE Response. {@code flags}: 0x01 REPARSEPOINT (3.1.1). */
public record CreateResponse(OplockLevel oplockLevel, int flags, CreateAction createAction, FileTime creationTime,
        FileTime lastAccessTime, FileTime lastWriteTime, FileTime changeTime, long allocationSize, long endOfFile,
        Set<FileAttribute> fileAttributes, FileId fileId, List<CreateContext> contexts) implements Smb2Response {
    static final int STRUCTURE_SIZE = 89;

    public CreateResponse {
        Objects.requireNonNull(oplockLevel);
        Objects.requireNonNull(createAction);
        Objects.requireNonNull(creationTime);
        Objects.requireNonNull(lastAccessTime);
        Objects.requireNonNull(lastWriteTime);
        Objects.requireNonNull(changeTime);
        fileAttributes = Set.copyOf(fileAttributes);
        Objects.requireNonNull(fileId);
        contexts = List.copyOf(contexts);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.CREATE;
    }

    public boolean isDirectory() {
        return fileAttributes.contains(FileAttribute.DIRECTORY);
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(oplockLevel.value()).u8(flags).u32le(createAction.value())
                .u64le(creationTime.value()).u64le(lastAccessTime.value()).u64le(lastWriteTime.value())
                .u64le(changeTime.value()).u64le(allocationSize).u64le(endOfFile)
                .u32le(FileAttribute.toMask(fileAttributes)).u32le(0);
        fileId.write(w);
        int contextsAt = w.size();
        w.u32le(0).u32le(0);
        if (contexts.isEmpty()) {
            return; // Windows and Samba send no Buffer byte here
        }
        NegotiateContext.pad8(w, headerStart);
        int start = w.size();
        CreateContext.writeList(w, headerStart, contexts);
        w.patchU32le(contextsAt, start - headerStart);
        w.patchU32le(contextsAt + 4, w.size() - start);
    }

    static CreateResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        OplockLevel oplock = new OplockLevel(r.u8("OplockLevel"));
        int flags = r.u8("Flags");
        CreateAction action = new CreateAction(r.i32le("CreateAction"));
        FileTime created = b.time("CreationTime");
        FileTime accessed = b.time("LastAccessTime");
        FileTime written = b.time("LastWriteTime");
        FileTime changed = b.time("ChangeTime");
        long allocation = r.u64le("AllocationSize");
        long eof = r.u64le("EndofFile");
        Set<FileAttribute> attrs = FileAttribute.fromMask(r.i32le("FileAttributes"));
        r.skip("Reserved2", 4);
        FileId id = b.fileId();
        long contextsOffset = r.u32le("CreateContextsOffset");
        long contextsLength = r.u32le("CreateContextsLength");
        List<CreateContext> contexts = contextsLength == 0 ? List.of()
                : CreateContext.readList(b.window("CreateContexts", contextsOffset, contextsLength));
        return new CreateResponse(oplock, flags, action, created, accessed, written, changed, allocation, eof, attrs,
                id, contexts);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Create Response (0x05)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Oplock", oplockLevel)
                .field("Response Flags", String.format("0x%02x", flags))
                .field("Create Action", createAction)
                .field("Create", creationTime)
                .field("Last Access", lastAccessTime)
                .field("Last Write", lastWriteTime)
                .field("Last Change", changeTime)
                .field("Allocation Size", allocationSize)
                .field("End Of File", endOfFile)
                .field("File Attributes", FileAttribute.describe(FileAttribute.toMask(fileAttributes)))
                .field("File Id", fileId);
        contexts.forEach(c -> d.child(c.detail()));
        return d;
    }
}
