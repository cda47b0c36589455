package org.smbscope.server.fs;

import java.util.Arrays;

import org.smbscope.codec.wire.WireWriter;

/**
 * The parts of a self-relative security descriptor ([MS-DTYP] 2.4.6) this server keeps: owner SID, group
 * SID and DACL as raw bytes (the SACL is not kept), so a descriptor a client sets comes back as it was
 * set, part by part as the SecurityInformation bits ask.
 */
record SdParts(byte[] owner, byte[] group, boolean daclPresent, byte[] dacl) {
    static final int SE_DACL_PRESENT = 0x0004;
    static final int SE_SELF_RELATIVE = 0x8000;

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
        }
        if ((u32(sd, 4) != 0 && owner == null) || (u32(sd, 8) != 0 && group == null)) {
            return null;
        }
        return new SdParts(owner, group, present, dacl);
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

    /** This descriptor with the parts {@code bits} names taken from {@code update}. */
    SdParts merge(SdParts update, int bits) {
        return new SdParts((bits & SecurityDescriptors.OWNER) != 0 ? update.owner : owner,
                (bits & SecurityDescriptors.GROUP) != 0 ? update.group : group,
                (bits & SecurityDescriptors.DACL) != 0 ? update.daclPresent : daclPresent,
                (bits & SecurityDescriptors.DACL) != 0 ? update.dacl : dacl);
    }

    /** The self-relative descriptor holding the parts {@code bits} names. */
    byte[] write(int bits) {
        boolean withDacl = (bits & SecurityDescriptors.DACL) != 0 && daclPresent;
        WireWriter w = new WireWriter();
        w.u8(1).u8(0).u16le(SE_SELF_RELATIVE | (withDacl ? SE_DACL_PRESENT : 0));
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
                && daclPresent == x.daclPresent && Arrays.equals(dacl, x.dacl);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(owner) * 31 + Arrays.hashCode(dacl);
    }
}
