package org.smbscope.server.fs;

import org.smbscope.codec.dtyp.Sid;
import org.smbscope.codec.wire.WireWriter;

/**
 * The self-relative security descriptor of a file that has none stored (the share root, files put there by
 * other means) ([MS-DTYP] 2.4.6, 2.4.5 ACL, 2.4.4.2 ACCESS_ALLOWED_ACE): owner BUILTIN\Administrators, group
 * BUILTIN\Users, and a DACL granting Everyone full control (or read and execute on a read-only share),
 * inherited by children of a directory, so what the share's policy allows stays allowed. Only the parts named
 * by the SecurityInformation bits are included.
 */
final class SecurityDescriptors {
    static final int OWNER = 0x1;
    static final int GROUP = 0x2;
    static final int DACL = 0x4;
    static final int SACL = 0x8;
    private static final Sid ADMINISTRATORS = Sid.parse("S-1-5-32-544");
    private static final Sid USERS = Sid.parse("S-1-5-32-545");
    private static final Sid EVERYONE = Sid.parse("S-1-1-0");
    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int SE_SELF_RELATIVE = 0x8000;

    private SecurityDescriptors() {
    }

    /** The descriptor a file has until a client sets one. */
    static SdParts defaults(boolean readOnly, boolean directory) {
        return SdParts.parse(build(OWNER | GROUP | DACL, readOnly, directory));
    }

    static byte[] build(int securityInformation, boolean readOnly, boolean directory) {
        boolean owner = (securityInformation & OWNER) != 0;
        boolean group = (securityInformation & GROUP) != 0;
        boolean dacl = (securityInformation & DACL) != 0;
        WireWriter w = new WireWriter();
        w.u8(1).u8(0).u16le(SE_SELF_RELATIVE | (dacl ? SE_DACL_PRESENT : 0));
        int offsets = w.size();
        w.u32le(0).u32le(0).u32le(0).u32le(0);
        if (owner) {
            w.patchU32le(offsets, w.size());
            ADMINISTRATORS.write(w);
        }
        if (group) {
            w.patchU32le(offsets + 4, w.size());
            USERS.write(w);
        }
        if (dacl) {
            w.patchU32le(offsets + 12, w.size());
            int aceSize = 8 + EVERYONE.size();
            w.u8(2).u8(0).u16le(8 + aceSize).u16le(1).u16le(0);
            w.u8(0).u8(directory ? 0x3 : 0).u16le(aceSize).u32le(Access.maximal(readOnly) & 0xFFFFFFFFL);
            EVERYONE.write(w);
        }
        return w.toByteArray();
    }
}
