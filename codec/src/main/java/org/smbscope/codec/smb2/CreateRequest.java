package org.smbscope.codec.smb2;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.13 SMB2 CREATE Request. The name is relative to the share, without a leading
 * backslash ("" opens the share root). Contexts follow the name, 8-byte aligned.
 */
public record CreateRequest(OplockLevel oplockLevel, ImpersonationLevel impersonationLevel,
        AccessMask desiredAccess, Set<FileAttribute> fileAttributes, ShareAccess shareAccess,
        CreateDisposition createDisposition, CreateOptions createOptions, String name,
        List<CreateContext> contexts) implements Smb2Request {
    static final int STRUCTURE_SIZE = 57;

    public CreateRequest {
        Objects.requireNonNull(oplockLevel);
        Objects.requireNonNull(impersonationLevel);
        Objects.requireNonNull(desiredAccess);
        fileAttributes = Set.copyOf(fileAttributes);
        Objects.requireNonNull(shareAccess);
        Objects.requireNonNull(createDisposition);
        Objects.requireNonNull(createOptions);
        Objects.requireNonNull(name);
        contexts = List.copyOf(contexts);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.CREATE;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(0).u8(oplockLevel.value()).u32le(impersonationLevel.value())
                .u64le(0).u64le(0)
                .u32le(desiredAccess.value() & 0xFFFFFFFFL).u32le(FileAttribute.toMask(fileAttributes))
                .u32le(shareAccess.value()).u32le(createDisposition.value())
                .u32le(createOptions.value() & 0xFFFFFFFFL);
        int nameOffsetAt = w.size();
        w.u16le(0).u16le(name.length() * 2);
        int contextsAt = w.size();
        w.u32le(0).u32le(0);
        w.patchU16le(nameOffsetAt, w.size() - headerStart);
        w.utf16le(name);
        if (contexts.isEmpty()) {
            if (name.isEmpty()) {
                w.u8(0);
            }
            return;
        }
        NegotiateContext.pad8(w, headerStart);
        int start = w.size();
        CreateContext.writeList(w, headerStart, contexts);
        w.patchU32le(contextsAt, start - headerStart);
        w.patchU32le(contextsAt + 4, w.size() - start);
    }

    static CreateRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        r.skip("SecurityFlags", 1);
        OplockLevel oplock = new OplockLevel(r.u8("RequestedOplockLevel"));
        ImpersonationLevel imp = new ImpersonationLevel(r.i32le("ImpersonationLevel"));
        r.skip("SmbCreateFlags", 8);
        r.skip("Reserved", 8);
        AccessMask access = new AccessMask(r.i32le("DesiredAccess"));
        Set<FileAttribute> attrs = FileAttribute.fromMask(r.i32le("FileAttributes"));
        ShareAccess share = new ShareAccess(r.i32le("ShareAccess"));
        CreateDisposition disposition = new CreateDisposition(r.i32le("CreateDisposition"));
        CreateOptions options = new CreateOptions(r.i32le("CreateOptions"));
        int nameOffset = r.u16le("NameOffset");
        int nameLength = r.u16le("NameLength");
        long contextsOffset = r.u32le("CreateContextsOffset");
        long contextsLength = r.u32le("CreateContextsLength");
        String name = b.utf16("Name", nameOffset, nameLength);
        List<CreateContext> contexts = List.of();
        if (contextsLength > 0) {
            if (nameLength > 0 && contextsOffset < nameOffset + nameLength) {
                throw r.fail("CreateContextsOffset", "contexts at " + contextsOffset + " overlap the name");
            }
            contexts = CreateContext.readList(b.window("CreateContexts", contextsOffset, contextsLength));
        }
        return new CreateRequest(oplock, imp, access, attrs, share, disposition, options, name, contexts);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Create Request (0x05)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Oplock", oplockLevel)
                .field("Impersonation level", impersonationLevel)
                .field("Access Mask", desiredAccess)
                .field("File Attributes", FileAttribute.describe(FileAttribute.toMask(fileAttributes)))
                .field("Share Access", shareAccess)
                .field("Disposition", createDisposition)
                .field("Create Options", createOptions)
                .field("Filename", name);
        contexts.forEach(c -> d.child(c.detail()));
        return d;
    }
}
