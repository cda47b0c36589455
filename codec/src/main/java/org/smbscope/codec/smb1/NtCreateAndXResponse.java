package org.smbscope.codec.smb1;

import java.util.Arrays;
import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_NT_CREATE_ANDX response ([MS-CIFS] 2.2.4.64.2, 34 words) and its extended form ([MS-SMB]
 * 2.2.4.9.2: VolumeGUID, FileId, MaximalAccessRights, GuestMaximalAccessRights; 50 words of content).
 * Known limitation: Windows declares WordCount 42 for the extended form while sending 50 words; such a
 * message does not split correctly yet. {@code volumeGuid} is null for the basic form.
 */
public record NtCreateAndXResponse(int oplockLevel, int fid, long createDisposition, long creationTime,
        long lastAccessTime, long lastWriteTime, long changeTime, long extFileAttributes, long allocationSize,
        long endOfFile, int resourceType, int nmPipeStatus, boolean directory, byte[] volumeGuid, long fileId,
        long maximalAccessRights, long guestMaximalAccessRights) implements Smb1Message {
    public NtCreateAndXResponse {
        volumeGuid = volumeGuid == null ? null : volumeGuid.clone();
    }

    public boolean extended() {
        return volumeGuid != null;
    }

    @Override
    public byte[] volumeGuid() {
        return volumeGuid == null ? null : volumeGuid.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.NT_CREATE_ANDX;
    }

    @Override
    public boolean isResponse() {
        return true;
    }

    static NtCreateAndXResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() < 34) {
            throw p.failAt("WordCount", b.offset(), "NT_CREATE_ANDX response WordCount " + b.wordCount() + " < 34");
        }
        p.skip("AndX", 4);
        int oplock = p.u8("OplockLevel");
        int fid = p.u16le("FID");
        long disp = p.u32le("CreateDisposition");
        long c = p.u64le("CreateTime");
        long a = p.u64le("LastAccessTime");
        long w = p.u64le("LastWriteTime");
        long ch = p.u64le("LastChangeTime");
        long attrs = p.u32le("ExtFileAttributes");
        long alloc = p.u64le("AllocationSize");
        long eof = p.u64le("EndOfFile");
        int type = p.u16le("ResourceType");
        int pipe = p.u16le("NMPipeStatus");
        boolean dir = p.u8("Directory") != 0;
        if (p.remaining() >= 32) {
            byte[] guid = p.bytes("VolumeGUID", 16);
            long fileId = p.u64le("FileId");
            long max = p.u32le("MaximalAccessRights");
            long guest = p.u32le("GuestMaximalAccessRights");
            return new NtCreateAndXResponse(oplock, fid, disp, c, a, w, ch, attrs, alloc, eof, type, pipe, dir, guid,
                    fileId, max, guest);
        }
        return new NtCreateAndXResponse(oplock, fid, disp, c, a, w, ch, attrs, alloc, eof, type, pipe, dir, null, 0, 0, 0);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter().u32le(0xFF).u8(oplockLevel).u16le(fid).u32le(createDisposition)
                .u64le(creationTime).u64le(lastAccessTime).u64le(lastWriteTime).u64le(changeTime)
                .u32le(extFileAttributes).u64le(allocationSize).u64le(endOfFile).u16le(resourceType)
                .u16le(nmPipeStatus).u8(directory ? 1 : 0);
        if (extended()) {
            p.bytes(volumeGuid).u64le(fileId).u32le(maximalAccessRights).u32le(guestMaximalAccessRights);
        }
        if ((p.size() & 1) != 0) {
            p.u8(0);
        }
        return new Smb1Block(command(), p.toByteArray(), new byte[0], offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NT Create AndX Response").field("Oplock level", oplockLevel)
                .field("FID", String.format("0x%04x", fid)).field("Create Action", createDisposition)
                .field("Created", creationTime).field("Last Access", lastAccessTime)
                .field("Last Write", lastWriteTime).field("Change", changeTime)
                .field("File Attributes", String.format("0x%08x", extFileAttributes))
                .field("Allocation Size", allocationSize).field("End Of File", endOfFile)
                .field("File Type", resourceType).field("IPC State", String.format("0x%04x", nmPipeStatus))
                .field("Is Directory", directory ? "This is a DIRECTORY" : "This is NOT a directory");
        if (extended()) {
            d.field("Volume GUID", HexFormat.of().formatHex(volumeGuid)).field("Server Unique File ID", fileId)
                    .field("Maximal Access Rights", String.format("0x%08x", maximalAccessRights))
                    .field("Guest Maximal Access Rights", String.format("0x%08x", guestMaximalAccessRights));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtCreateAndXResponse r && oplockLevel == r.oplockLevel && fid == r.fid
                && createDisposition == r.createDisposition && creationTime == r.creationTime
                && lastAccessTime == r.lastAccessTime && lastWriteTime == r.lastWriteTime && changeTime == r.changeTime
                && extFileAttributes == r.extFileAttributes && allocationSize == r.allocationSize
                && endOfFile == r.endOfFile && resourceType == r.resourceType && nmPipeStatus == r.nmPipeStatus
                && directory == r.directory && Arrays.equals(volumeGuid, r.volumeGuid) && fileId == r.fileId
                && maximalAccessRights == r.maximalAccessRights && guestMaximalAccessRights == r.guestMaximalAccessRights;
    }

    @Override
    public int hashCode() {
        return fid * 31 + Long.hashCode(endOfFile);
    }
}
