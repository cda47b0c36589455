package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_TREE_CONNECT_ANDX response ([MS-CIFS] 2.2.4.55.2, WordCount 3) and the extended form
 * ([MS-SMB] 2.2.4.7.2, WordCount 7, with MaximalShareAccessRights and GuestMaximalShareAccessRights).
 */
public record TreeConnectAndXResponse(int optionalSupport, boolean extended, long maximalShareAccessRights,
        long guestMaximalShareAccessRights, String service, String nativeFileSystem) implements Smb1Message {
    public static final int SUPPORT_SEARCH_BITS = 0x0001;
    public static final int SHARE_IS_IN_DFS = 0x0002;

    @Override
    public Smb1Command command() {
        return Smb1Command.TREE_CONNECT_ANDX;
    }

    @Override
    public boolean isResponse() {
        return true;
    }

    static TreeConnectAndXResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 3 && b.wordCount() != 7) {
            throw p.failAt("WordCount", b.offset(), "TREE_CONNECT_ANDX response WordCount " + b.wordCount()
                    + ", expected 3 or 7");
        }
        p.skip("AndX", 4);
        int opt = p.u16le("OptionalSupport");
        boolean ext = b.wordCount() == 7;
        long max = ext ? p.u32le("MaximalShareAccessRights") : 0;
        long guest = ext ? p.u32le("GuestMaximalShareAccessRights") : 0;
        WireReader d = Smb1Strings.reader(b.data());
        String service = Smb1Strings.readOem(d, "Service");
        String fs = Smb1Strings.read(d, b.dataOffset(), h.flags2().unicode(), true, "NativeFileSystem");
        return new TreeConnectAndXResponse(opt, ext, max, guest, service, fs);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter().u32le(0xFF).u16le(optionalSupport);
        if (extended) {
            p.u32le(maximalShareAccessRights).u32le(guestMaximalShareAccessRights);
        }
        int base = offset + 1 + p.size() + 2;
        WireWriter d = new WireWriter();
        Smb1Strings.writeOem(d, service);
        Smb1Strings.write(d, base, nativeFileSystem, flags2.unicode(), true);
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Tree Connect AndX Response").field("Word Count (WCT)", extended ? 7 : 3)
                .field("Optional Support", String.format("0x%04x", optionalSupport));
        if (extended) {
            d.field("Maximal Share Access Rights", String.format("0x%08x", maximalShareAccessRights))
                    .field("Guest Maximal Share Access Rights", String.format("0x%08x", guestMaximalShareAccessRights));
        }
        return d.field("Service", service).field("Native File System", nativeFileSystem);
    }
}
