package org.smbscope.codec.netbios;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * First- and second-level encoding of NetBIOS names, RFC 1001 14.1 and 14.2 and RFC 1002 4.1,
 * including label compression (pointers, RFC 883 / RFC 1035 4.1.4) on decode.
 *
 * <p>Decoding rules: the first label is exactly 32 characters 'A'..'P'; scope labels have 1 to
 * 63 bytes and contain no dot; the encoded name (counting every label's length byte and the final
 * zero) is at most 255 bytes; a pointer (top bits 11) must point strictly before itself and before
 * every earlier pointer of the same name (so loops are impossible), at most {@link #MAX_POINTERS}
 * times; label types 01 and 10 are reserved and refused.
 */
final class NameCodec {
    static final int MAX_POINTERS = 16;

    private NameCodec() {
    }

    static String firstLevel(byte[] raw16) {
        StringBuilder sb = new StringBuilder(32);
        for (byte b : raw16) {
            sb.append((char) ('A' + ((b >> 4) & 0x0F)));
            sb.append((char) ('A' + (b & 0x0F)));
        }
        return sb.toString();
    }

    static byte[] encode(NetbiosName name) {
        WireWriter w = new WireWriter(34 + name.scope().length() + 2);
        write(w, name);
        return w.toByteArray();
    }

    static void write(WireWriter w, NetbiosName name) {
        w.u8(32);
        w.latin1(firstLevel(name.rawBytes()));
        if (!name.scope().isEmpty()) {
            for (String label : name.scope().split("\\.", -1)) {
                w.u8(label.length());
                w.latin1(label);
            }
        }
        w.u8(0);
    }

    /**
     * Writes names with whole-name compression: a name equal to one written before in the same
     * message becomes a pointer to it (as Samba and Windows do for the additional record of a
     * registration, which points to the question name at offset 12).
     */
    static final class Compressor {
        private final Map<NetbiosName, Integer> offsets = new HashMap<>();

        void write(WireWriter w, NetbiosName name) {
            Integer at = offsets.get(name);
            if (at != null) {
                w.u16be(0xC000 | at);
                return;
            }
            if (w.size() <= 0x3FFF) {
                offsets.put(name, w.size());
            }
            NameCodec.write(w, name);
        }
    }

    static NetbiosName decodeStandalone(byte[] wire) throws NetbiosDecodeException {
        WireReader r = WireReader.of(wire, NetbiosDecodeException.errors(NetbiosDecodeException.NETBIOS));
        try {
            NetbiosName n = read(r, null, "Name");
            r.expectEnd("Name");
            return n;
        } catch (DecodeException e) {
            throw NetbiosDecodeException.of(e);
        }
    }

    /**
     * Reads a name at the cursor. {@code message} is the whole message the pointers are relative
     * to, or null where compression is not allowed (datagram and session service).
     */
    static NetbiosName read(WireReader cursor, WireReader message, String field) throws DecodeException {
        WireReader r = cursor;
        List<byte[]> labels = new ArrayList<>();
        int total = 0;
        int pointers = 0;
        int lowestPointerTarget = Integer.MAX_VALUE;
        while (true) {
            int at = r.offset();
            int len = r.u8(field);
            int type = len & 0xC0;
            if (type == 0xC0) {
                if (message == null) {
                    throw r.failAt(field, at, "label pointer not allowed here");
                }
                int target = ((len & 0x3F) << 8) | r.u8(field);
                int here = at - message.origin();
                if (++pointers > MAX_POINTERS) {
                    throw r.failAt(field, at, "more than " + MAX_POINTERS + " label pointers");
                }
                if (target >= here || target >= lowestPointerTarget) {
                    throw r.failAt(field, at, "label pointer to offset " + target + " does not point backwards");
                }
                lowestPointerTarget = target;
                r = message.slice(field, target, message.length() - target);
                continue;
            }
            if (type != 0) {
                throw r.failAt(field, at, "label length 0x" + Integer.toHexString(len) + " uses a reserved label type (label longer than 63)");
            }
            total += 1 + len;
            if (total > NetbiosName.MAX_ENCODED_LENGTH) {
                throw r.failAt(field, at, "encoded name longer than 255 bytes");
            }
            if (len == 0) {
                break;
            }
            if (labels.isEmpty() && len != 32) {
                throw r.failAt(field, at, "first label has " + len + " bytes, a NetBIOS name needs 32");
            }
            labels.add(r.bytes(field, len));
        }
        if (labels.isEmpty()) {
            throw cursor.fail(field, "empty name (no 32-byte first label)");
        }
        byte[] first = labels.get(0);
        byte[] raw = new byte[16];
        for (int i = 0; i < 16; i++) {
            int hi = first[2 * i] - 'A';
            int lo = first[2 * i + 1] - 'A';
            if (hi < 0 || hi > 15 || lo < 0 || lo > 15) {
                int bad = hi < 0 || hi > 15 ? first[2 * i] & 0xFF : first[2 * i + 1] & 0xFF;
                throw cursor.fail(field, String.format("first-level character 0x%02x is not 'A'..'P'", bad));
            }
            raw[i] = (byte) ((hi << 4) | lo);
        }
        StringBuilder scope = new StringBuilder();
        for (int i = 1; i < labels.size(); i++) {
            String label = new String(labels.get(i), StandardCharsets.ISO_8859_1);
            if (label.indexOf('.') >= 0) {
                throw cursor.fail(field, "scope label contains a dot");
            }
            if (i > 1) {
                scope.append('.');
            }
            scope.append(label);
        }
        return fromRaw(raw, 0, scope.toString());
    }

    /** A name from its 16 raw bytes at {@code raw[off..off+16)}. */
    static NetbiosName fromRaw(byte[] raw, int off, String scope) {
        String padded = new String(raw, off, 15, StandardCharsets.ISO_8859_1);
        int suffix = raw[off + 15] & 0xFF;
        String name;
        if (padded.equals(NetbiosName.MSBROWSE)) {
            name = padded;
        } else if (padded.equals("*" + "\0".repeat(14))) {
            name = NetbiosName.WILDCARD;
        } else {
            name = NetbiosName.stripTrailingSpaces(padded);
            if (name.isEmpty() || name.equals(NetbiosName.WILDCARD)) {
                name = padded; // keep exact bytes: encoding would not reproduce them otherwise
            }
        }
        return new NetbiosName(name, suffix, scope);
    }
}
