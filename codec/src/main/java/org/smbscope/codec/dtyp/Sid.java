package org.smbscope.codec.dtyp;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A security identifier, [MS-DTYP] 2.4.2: Revision (1), SubAuthorityCount (at most 15),
 * IdentifierAuthority (6 bytes, big-endian), SubAuthority (u32 LE each). Text form 2.4.2.1
 * ("S-1-5-21-...").
 */
public record Sid(int revision, long authority, List<Long> subAuthorities) {
    public static final int MAX_SUB_AUTHORITIES = 15;

    public Sid {
        subAuthorities = List.copyOf(subAuthorities);
        if (subAuthorities.size() > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("at most 15 sub-authorities");
        }
    }

    /** Parses "S-1-5-32-544". */
    public static Sid parse(String text) {
        String[] p = text.strip().split("-");
        if (p.length < 3 || !p[0].equalsIgnoreCase("S")) {
            throw new IllegalArgumentException("not a SID: " + text);
        }
        int rev = Integer.parseInt(p[1]);
        long auth = p[2].startsWith("0x") || p[2].startsWith("0X")
                ? Long.parseLong(p[2].substring(2), 16) : Long.parseLong(p[2]);
        List<Long> subs = new ArrayList<>();
        for (int i = 3; i < p.length; i++) {
            subs.add(Long.parseLong(p[i]) & 0xFFFFFFFFL);
        }
        return new Sid(rev, auth, subs);
    }

    public static Sid read(WireReader r) throws DecodeException {
        int rev = r.u8("Sid.Revision");
        int count = r.u8("Sid.SubAuthorityCount");
        if (count > MAX_SUB_AUTHORITIES) {
            throw r.fail("Sid.SubAuthorityCount", count + " sub-authorities (at most 15)");
        }
        long auth = 0;
        for (int i = 0; i < 6; i++) {
            auth = (auth << 8) | r.u8("Sid.IdentifierAuthority");
        }
        List<Long> subs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subs.add(r.u32le("Sid.SubAuthority"));
        }
        return new Sid(rev, auth, subs);
    }

    public static Sid decode(byte[] bytes) throws DtypDecodeException {
        WireReader r = WireReader.of(bytes, DtypDecodeException::new);
        try {
            Sid s = read(r);
            r.expectEnd("Sid");
            return s;
        } catch (DtypDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new DtypDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    public void write(WireWriter w) {
        w.u8(revision).u8(subAuthorities.size());
        for (int i = 5; i >= 0; i--) {
            w.u8((int) (authority >>> (8 * i)));
        }
        for (long s : subAuthorities) {
            w.u32le(s);
        }
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(8 + 4 * subAuthorities.size());
        write(w);
        return w.toByteArray();
    }

    /** Wire size in bytes. */
    public int size() {
        return 8 + 4 * subAuthorities.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("S-").append(revision).append('-');
        if (authority < (1L << 32)) {
            sb.append(authority);
        } else {
            sb.append(String.format("0x%012X", authority));
        }
        for (long s : subAuthorities) {
            sb.append('-').append(s);
        }
        return sb.toString();
    }
}
