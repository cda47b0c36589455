package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** SMB_COM_NT_CREATE_ANDX request. [MS-CIFS] 2.2.4.64.1, [MS-SMB] 2.2.4.9.1. */
public record NtCreateAndXRequest(long flags, long rootDirectoryFid, long desiredAccess, long allocationSize,
        long extFileAttributes, long shareAccess, long createDisposition, long createOptions,
        long impersonationLevel, int securityFlags, String fileName) implements Smb1Message {
    @Override
    public Smb1Command command() {
        return Smb1Command.NT_CREATE_ANDX;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static NtCreateAndXRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 24) {
            throw p.failAt("WordCount", b.offset(), "NT_CREATE_ANDX request WordCount " + b.wordCount() + ", expected 24");
        }
        p.skip("AndX", 4);
        p.skip("Reserved", 1);
        int nameLength = p.u16le("NameLength");
        long flags = p.u32le("Flags");
        long root = p.u32le("RootDirectoryFID");
        long access = p.u32le("DesiredAccess");
        long alloc = p.u64le("AllocationSize");
        long attrs = p.u32le("ExtFileAttributes");
        long share = p.u32le("ShareAccess");
        long disp = p.u32le("CreateDisposition");
        long opts = p.u32le("CreateOptions");
        long imp = p.u32le("ImpersonationLevel");
        int sec = p.u8("SecurityFlags");
        WireReader d = Smb1Strings.reader(b.data());
        boolean uni = h.flags2().unicode();
        if (uni && (b.dataOffset() & 1) != 0 && d.hasRemaining()) {
            d.skip("Pad", 1);
        }
        int n = Math.min(nameLength, d.remaining());
        WireReader name = d.window("FileName", n);
        String file = Smb1Strings.read(name, 0, uni, false, "FileName");
        return new NtCreateAndXRequest(flags, root, access, alloc, attrs, share, disp, opts, imp, sec, file);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        boolean uni = flags2.unicode();
        int base = offset + 1 + 48 + 2;
        WireWriter d = new WireWriter();
        Smb1Strings.write(d, base, fileName, uni, true);
        int nameLength = uni ? fileName.length() * 2 : fileName.length();
        WireWriter p = new WireWriter().u32le(0xFF).u8(0).u16le(nameLength).u32le(flags).u32le(rootDirectoryFid)
                .u32le(desiredAccess).u64le(allocationSize).u32le(extFileAttributes).u32le(shareAccess)
                .u32le(createDisposition).u32le(createOptions).u32le(impersonationLevel).u8(securityFlags);
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("NT Create AndX Request").field("Word Count (WCT)", 24)
                .field("Create Flags", String.format("0x%08x", flags))
                .field("Root FID", String.format("0x%08x", rootDirectoryFid))
                .field("Access Mask", String.format("0x%08x", desiredAccess))
                .field("Allocation Size", allocationSize)
                .field("File Attributes", String.format("0x%08x", extFileAttributes))
                .field("Share Access", String.format("0x%08x", shareAccess))
                .field("Disposition", createDisposition)
                .field("Create Options", String.format("0x%08x", createOptions))
                .field("Impersonation", impersonationLevel)
                .field("Security Flags", String.format("0x%02x", securityFlags))
                .field("File Name", fileName);
    }
}
