package org.smbscope.codec.dtyp;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * An access control entry, [MS-DTYP] 2.4.4: ACE_HEADER (AceType, AceFlags, AceSize) and, for the four basic
 * types (2.4.4.2 ACCESS_ALLOWED_ACE, 2.4.4.4 ACCESS_DENIED_ACE, 2.4.4.10 SYSTEM_AUDIT_ACE, 2.4.4.11
 * SYSTEM_ALARM_ACE), the Mask and the SID. Any other type (object and callback ACEs) keeps its body as
 * bytes, so it survives a round trip; its {@code sid} is null and its {@code mask} is the body's first
 * four bytes when there are four.
 *
 * @param type  AceType (open: unknown types keep their number)
 * @param flags AceFlags (OBJECT_INHERIT 0x1, CONTAINER_INHERIT 0x2, NO_PROPAGATE_INHERIT 0x4,
 *              INHERIT_ONLY 0x8, INHERITED 0x10, SUCCESSFUL_ACCESS 0x40, FAILED_ACCESS 0x80)
 * @param mask  ACCESS_MASK (2.4.3)
 * @param sid   the trustee of a basic ACE, null for other types
 * @param body  the bytes after the header of a non-basic ACE (empty for a basic ACE)
 */
public record Ace(int type, int flags, int mask, Sid sid, byte[] body) {
    public static final int ACCESS_ALLOWED = 0x0;
    public static final int ACCESS_DENIED = 0x1;
    public static final int SYSTEM_AUDIT = 0x2;
    public static final int SYSTEM_ALARM = 0x3;

    public static final int OBJECT_INHERIT = 0x1;
    public static final int CONTAINER_INHERIT = 0x2;
    public static final int NO_PROPAGATE_INHERIT = 0x4;
    public static final int INHERIT_ONLY = 0x8;
    public static final int INHERITED = 0x10;

    public Ace {
        body = body == null ? new byte[0] : body.clone();
        if (basic(type) && sid == null) {
            throw new IllegalArgumentException("a basic ACE needs a SID");
        }
    }

    /** An ACCESS_ALLOWED or ACCESS_DENIED (or audit/alarm) ACE. */
    public static Ace of(int type, int flags, int mask, Sid sid) {
        return new Ace(type, flags, mask, sid, new byte[0]);
    }

    public static Ace allowed(int flags, int mask, Sid sid) {
        return of(ACCESS_ALLOWED, flags, mask, sid);
    }

    public static Ace denied(int flags, int mask, Sid sid) {
        return of(ACCESS_DENIED, flags, mask, sid);
    }

    static boolean basic(int type) {
        return type >= ACCESS_ALLOWED && type <= SYSTEM_ALARM;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public Ace withFlags(int newFlags) {
        return new Ace(type, newFlags & 0xFF, mask, sid, body);
    }

    public Ace withMask(int newMask) {
        return basic(type) ? new Ace(type, flags, newMask, sid, body) : this;
    }

    public Ace withSid(Sid newSid) {
        return basic(type) ? new Ace(type, flags, mask, newSid, body) : this;
    }

    /** Size on the wire. */
    public int size() {
        return 4 + (basic(type) ? 4 + sid.size() : body.length);
    }

    /** Reads one ACE; the reader must be at its header. */
    public static Ace read(WireReader r) throws DecodeException {
        int type = r.u8("Ace.AceType");
        int flags = r.u8("Ace.AceFlags");
        int size = r.u16le("Ace.AceSize");
        if (size < 4 || (size & 3) != 0) {
            throw r.fail("Ace.AceSize", size + " (at least 4, a multiple of 4)");
        }
        WireReader w = r.window("Ace", size - 4);
        if (!basic(type)) {
            byte[] body = w.rest();
            int mask = body.length >= 4 ? (body[0] & 0xFF) | (body[1] & 0xFF) << 8 | (body[2] & 0xFF) << 16
                    | (body[3] & 0xFF) << 24 : 0;
            return new Ace(type, flags, mask, null, body);
        }
        int mask = (int) w.u32le("Ace.Mask");
        Sid sid = Sid.read(w);
        // an ACE may be padded after its SID; the padding is not kept
        return new Ace(type, flags, mask, sid, new byte[0]);
    }

    public void write(WireWriter w) {
        w.u8(type).u8(flags).u16le(size());
        if (basic(type)) {
            w.u32le(mask & 0xFFFFFFFFL);
            sid.write(w);
        } else {
            w.bytes(body);
        }
    }

    /** SDDL-like text: {@code (A;OICI;0x001f01ff;;;S-1-1-0)}. */
    @Override
    public String toString() {
        String t = switch (type) {
            case ACCESS_ALLOWED -> "A";
            case ACCESS_DENIED -> "D";
            case SYSTEM_AUDIT -> "AU";
            case SYSTEM_ALARM -> "AL";
            default -> String.format("0x%02x", type);
        };
        StringBuilder f = new StringBuilder();
        if (has(OBJECT_INHERIT)) {
            f.append("OI");
        }
        if (has(CONTAINER_INHERIT)) {
            f.append("CI");
        }
        if (has(NO_PROPAGATE_INHERIT)) {
            f.append("NP");
        }
        if (has(INHERIT_ONLY)) {
            f.append("IO");
        }
        if (has(INHERITED)) {
            f.append("ID");
        }
        if ((flags & ~0x1F) != 0) {
            f.append(String.format("0x%02x", flags & ~0x1F));
        }
        return "(" + t + ";" + f + ";" + String.format("0x%08x", mask) + ";;;" + (sid == null ? "" : sid) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ace a && a.type == type && a.flags == flags && a.mask == mask
                && java.util.Objects.equals(a.sid, sid) && Arrays.equals(a.body, body);
    }

    @Override
    public int hashCode() {
        return ((type * 31 + flags) * 31 + mask) * 31 + java.util.Objects.hashCode(sid);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
