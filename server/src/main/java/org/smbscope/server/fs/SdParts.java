package org.smbscope.server.fs;

import java.util.Arrays;

import org.smbscope.codec.dtyp.Acl;
import org.smbscope.codec.dtyp.DtypDecodeException;
import org.smbscope.codec.dtyp.Sid;
import org.smbscope.codec.wire.WireWriter;

/**
 * The parts of a self-relative security descriptor ([MS-DTYP] 2.4.6) this server keeps: owner SID, group
 * SID and DACL as raw bytes, and the DACL's control flags (SE_DACL_AUTO_INHERITED, SE_DACL_PROTECTED); the
 * SACL is not kept. A descriptor comes back as it was set, part by part as the SecurityInformation bits ask.
 * A present DACL with no bytes is a NULL DACL (everyone is allowed everything).
 */
record SdParts(byte[] owner, byte[] group, boolean daclPresent, byte[] dacl, int control) {
    static final int SE_DACL_PRESENT = 0x0004;
    static final int SE_DACL_AUTO_INHERIT_REQ = 0x0100;
    static final int SE_DACL_AUTO_INHERITED = 0x0400;
    static final int SE_DACL_PROTECTED = 0x1000;
    static final int SE_SELF_RELATIVE = 0x8000;
    /** The control flags kept with the DACL. */
    static final int DACL_FLAGS = SE_DACL_AUTO_INHERITED | SE_DACL_PROTECTED;

    SdParts(byte[] owner, byte[] group, boolean daclPresent, byte[] dacl) {
        this(owner, group, daclPresent, dacl, 0);
    }

    /** A descriptor from decoded parts ({@code dacl} null with {@code daclPresent}: a NULL DACL). */
    static SdParts of(Sid owner, Sid group, boolean daclPresent, Acl dacl, int control) {
        return new SdParts(owner == null ? null : owner.encode(), group == null ? null : group.encode(), daclPresent,
                dacl == null ? null : dacl.encode(), control & DACL_FLAGS);
    }

    /** Parses a self-relative descriptor; null if it is not one. */
    static SdParts parse(byte[] sd) {
        if (sd.length < 20 || sd[0] != 1) {
            return null;
        }
        int control = u16(sd, 2);
        if ((control & SE_SELF_RELATIVE) == 0) {
            return null;
        }
        byte[] owner = sid(sd, (int) u32(sd, 4));
        byte[] group = sid(sd, (int) u32(sd, 8));
        long daclAt = u32(sd, 16);
        boolean present = (control & SE_DACL_PRESENT) != 0;
        byte[] dacl = null;
        if (present && daclAt != 0) {
            if (daclAt < 20 || daclAt + 8 > sd.length) {
                return null;
            }
            int size = u16(sd, (int) daclAt + 2);
            if (size < 8 || daclAt + size > sd.length) {
                return null;
            }
            dacl = Arrays.copyOfRange(sd, (int) daclAt, (int) daclAt + size);
            try {
                Acl.decode(dacl);
            } catch (DtypDecodeException e) {
                return null;
            }
        }
        if ((u32(sd, 4) != 0 && owner == null) || (u32(sd, 8) != 0 && group == null)) {
            return null;
        }
        return new SdParts(owner, group, present, dacl, control & (DACL_FLAGS | SE_DACL_AUTO_INHERIT_REQ));
    }

    private static byte[] sid(byte[] sd, int at) {
        if (at == 0) {
            return null;
        }
        if (at < 20 || at + 8 > sd.length || sd[at] != 1) {
            return null;
        }
        int len = 8 + 4 * (sd[at + 1] & 0xFF);
        if ((sd[at + 1] & 0xFF) > 15 || at + len > sd.length) {
            return null;
        }
        return Arrays.copyOfRange(sd, at, at + len);
    }

    Sid ownerSid() {
        return decodeSid(owner);
    }

    Sid groupSid() {
        return decodeSid(group);
    }

    /** The DACL, or null for none or a NULL DACL. */
    Acl daclAcl() {
        if (!daclPresent || dacl == null) {
            return null;
        }
        try {
            return Acl.decode(dacl);
        } catch (DtypDecodeException e) {
            return null;
        }
    }

    private static Sid decodeSid(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            return Sid.decode(b);
        } catch (DtypDecodeException e) {
            return null;
        }
    }

    /**
     * This descriptor with the parts {@code bits} names taken from {@code update} (SET_INFO): a DACL update
     * always leaves a DACL present (a NULL DACL when the update has none), SE_DACL_PROTECTED comes from the
     * update, and SE_DACL_AUTO_INHERITED only when the update also asks SE_DACL_AUTO_INHERIT_REQ.
     */
    SdParts merge(SdParts update, int bits) {
        boolean d = (bits & SecurityDescriptors.DACL) != 0;
        int newControl = control;
        if (d) {
            int c = update.control;
            newControl = (c & SE_DACL_PROTECTED)
                    | ((c & (SE_DACL_AUTO_INHERITED | SE_DACL_AUTO_INHERIT_REQ))
                            == (SE_DACL_AUTO_INHERITED | SE_DACL_AUTO_INHERIT_REQ) ? SE_DACL_AUTO_INHERITED : 0);
        }
        return new SdParts((bits & SecurityDescriptors.OWNER) != 0 ? update.owner : owner,
                (bits & SecurityDescriptors.GROUP) != 0 ? update.group : group,
                d || daclPresent, d ? (update.daclPresent ? update.dacl : null) : dacl, newControl & DACL_FLAGS);
    }

    SdParts withDacl(byte[] newDacl) {
        return new SdParts(owner, group, daclPresent, newDacl, control);
    }

    /** The self-relative descriptor holding the parts {@code bits} names. */
    byte[] write(int bits) {
        boolean withDacl = (bits & SecurityDescriptors.DACL) != 0 && daclPresent;
        WireWriter w = new WireWriter();
        w.u8(1).u8(0).u16le(SE_SELF_RELATIVE | (withDacl ? SE_DACL_PRESENT | (control & DACL_FLAGS) : 0));
        int offsets = w.size();
        w.u32le(0).u32le(0).u32le(0).u32le(0);
        if ((bits & SecurityDescriptors.OWNER) != 0 && owner != null) {
            w.patchU32le(offsets, w.size());
            w.bytes(owner);
        }
        if ((bits & SecurityDescriptors.GROUP) != 0 && group != null) {
            w.patchU32le(offsets + 4, w.size());
            w.bytes(group);
        }
        if (withDacl && dacl != null) {
            w.patchU32le(offsets + 12, w.size());
            w.bytes(dacl);
        }
        return w.toByteArray();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdParts x && Arrays.equals(owner, x.owner) && Arrays.equals(group, x.group)
                && daclPresent == x.daclPresent && Arrays.equals(dacl, x.dacl) && control == x.control;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(owner) * 31 + Arrays.hashCode(dacl);
    }

    /** SDDL-like text: {@code O:owner G:group D:flags(ace)(ace)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        Sid o = ownerSid();
        Sid g = groupSid();
        if (o != null) {
            sb.append("O:").append(o);
        }
        if (g != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("G:").append(g);
        }
        if (daclPresent) {
            sb.append(sb.isEmpty() ? "" : " ").append("D:");
            if ((control & SE_DACL_PROTECTED) != 0) {
                sb.append('P');
            }
            if ((control & SE_DACL_AUTO_INHERITED) != 0) {
                sb.append("AI");
            }
            Acl a = daclAcl();
            sb.append(dacl == null ? "NO_ACCESS_CONTROL" : a == null ? "?" : a.toString());
        }
        return sb.toString();
    }
}
