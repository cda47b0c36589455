package org.smbscope.codec.dtyp;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * An access control list, [MS-DTYP] 2.4.5: AclRevision (2, or 4 with object ACEs), Sbz1, AclSize, AceCount,
 * Sbz2, then the ACEs ({@link Ace}).
 */
public record Acl(int revision, List<Ace> aces) {
    public static final int REVISION = 2;
    public static final int REVISION_DS = 4;
    /** An ACL's size is a u16: at most this many bytes. */
    public static final int MAX_SIZE = 0xFFFF;

    public Acl {
        aces = List.copyOf(aces);
    }

    public static Acl of(List<Ace> aces) {
        boolean object = aces.stream().anyMatch(a -> !Ace.basic(a.type()));
        return new Acl(object ? REVISION_DS : REVISION, aces);
    }

    /** Decodes an ACL that fills {@code bytes} (trailing bytes after the last ACE are allowed, as on the wire). */
    public static Acl decode(byte[] bytes) throws DtypDecodeException {
        try {
            return read(WireReader.of(bytes, DtypDecodeException::new));
        } catch (DtypDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new DtypDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    /** Reads one ACL; the reader must be at its header. */
    public static Acl read(WireReader r) throws DecodeException {
        int revision = r.u8("Acl.AclRevision");
        r.u8("Acl.Sbz1");
        int size = r.u16le("Acl.AclSize");
        int count = r.u16le("Acl.AceCount");
        r.u16le("Acl.Sbz2");
        if (size < 8) {
            throw r.fail("Acl.AclSize", size + " (at least 8)");
        }
        WireReader w = r.window("Acl", size - 8);
        if (count > (size - 8) / 4) {
            throw w.fail("Acl.AceCount", count + " ACEs cannot fit in " + size + " bytes");
        }
        List<Ace> aces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            aces.add(Ace.read(w));
        }
        return new Acl(revision, aces);
    }

    public int size() {
        int n = 8;
        for (Ace a : aces) {
            n += a.size();
        }
        return n;
    }

    public void write(WireWriter w) {
        w.u8(revision).u8(0).u16le(size()).u16le(aces.size()).u16le(0);
        for (Ace a : aces) {
            a.write(w);
        }
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(size());
        write(w);
        return w.toByteArray();
    }

    /** SDDL-like text: the ACEs one after the other. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Ace a : aces) {
            sb.append(a);
        }
        return sb.toString();
    }
}
