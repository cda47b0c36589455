package org.smbscope.codec.fscc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * FILE_FULL_EA_INFORMATION chains ([MS-FSCC] 2.4.15: NextEntryOffset, Flags, EaNameLength, EaValueLength,
 * EaName + NUL, EaValue; each entry but the last padded to 4 bytes) and FILE_GET_EA_INFORMATION name lists
 * (2.4.15.1: NextEntryOffset, EaNameLength, EaName + NUL), the EA buffers of QUERY_INFO / SET_INFO
 * FileFullEaInformation and of the SMB2 CREATE "ExtA" context.
 */
public final class FullEaInformation {
    /** Hard cap on entries accepted from the wire. */
    static final int MAX_ENTRIES = 65536;

    private FullEaInformation() {
    }

    /** The chain; every entry but the last padded to a multiple of 4. */
    public static byte[] encode(List<FullEa> eas) {
        WireWriter w = new WireWriter();
        for (int i = 0; i < eas.size(); i++) {
            FullEa e = eas.get(i);
            int start = w.size();
            byte[] n = e.nameBytes();
            w.u32le(0).u8(e.flags() & 0xFF).u8(n.length & 0xFF).u16le(e.valueLength()).bytes(n).u8(0).bytes(e.value());
            if (i < eas.size() - 1) {
                w.align(4);
                w.patchU32le(start, w.size() - start);
            }
        }
        return w.toByteArray();
    }

    /** Size of {@link #encode} of {@code eas} without building it. */
    public static int encodedSize(List<FullEa> eas) {
        int total = 0;
        for (int i = 0; i < eas.size(); i++) {
            int s = eas.get(i).fullSize();
            total += i < eas.size() - 1 ? (s + 3) & ~3 : s;
        }
        return total;
    }

    public static List<FullEa> decode(byte[] buffer) throws FsccDecodeException {
        List<FullEa> out = new ArrayList<>();
        try {
            for (WireReader r : entries(buffer, 8)) {
                int flags = r.u8("Flags");
                int nameLength = r.u8("EaNameLength");
                int valueLength = r.u16le("EaValueLength");
                String name = r.latin1("EaName", nameLength);
                if (r.u8("EaName terminator") != 0) {
                    throw r.fail("EaName terminator", "EaName is not followed by a NUL");
                }
                out.add(new FullEa(flags, name, r.bytes("EaValue", valueLength)));
            }
            return out;
        } catch (FsccDecodeException ex) {
            throw ex;
        } catch (DecodeException ex) {
            throw new FsccDecodeException(ex.field(), ex.offset(), ex.detail());
        }
    }

    /** A FILE_GET_EA_INFORMATION list naming {@code names}. */
    public static byte[] encodeNames(List<String> names) {
        WireWriter w = new WireWriter();
        for (int i = 0; i < names.size(); i++) {
            int start = w.size();
            byte[] n = names.get(i).getBytes(StandardCharsets.ISO_8859_1);
            w.u32le(0).u8(n.length & 0xFF).bytes(n).u8(0);
            if (i < names.size() - 1) {
                w.align(4);
                w.patchU32le(start, w.size() - start);
            }
        }
        return w.toByteArray();
    }

    public static List<String> decodeNames(byte[] buffer) throws FsccDecodeException {
        List<String> out = new ArrayList<>();
        try {
            for (WireReader r : entries(buffer, 5)) {
                int nameLength = r.u8("EaNameLength");
                out.add(r.latin1("EaName", nameLength));
                if (r.u8("EaName terminator") != 0) {
                    throw r.fail("EaName terminator", "EaName is not followed by a NUL");
                }
            }
            return out;
        } catch (FsccDecodeException ex) {
            throw ex;
        } catch (DecodeException ex) {
            throw new FsccDecodeException(ex.field(), ex.offset(), ex.detail());
        }
    }

    /** The entries of a NextEntryOffset chain, each a reader after its NextEntryOffset. */
    private static List<WireReader> entries(byte[] buffer, int minimum) throws DecodeException {
        WireReader all = WireReader.of(buffer, FsccDecodeException::new);
        List<WireReader> out = new ArrayList<>();
        int at = 0;
        while (buffer.length > 0) {
            if (out.size() >= MAX_ENTRIES) {
                throw all.fail("NextEntryOffset", "more than " + MAX_ENTRIES + " entries");
            }
            WireReader r = all.slice("Entry", at, buffer.length - at);
            long next = r.u32le("NextEntryOffset");
            if (next != 0 && (next < minimum || (next & 3) != 0 || next > r.length())) {
                throw r.fail("NextEntryOffset", "next entry offset " + next
                        + " must be a multiple of 4, at least " + minimum + " and inside the " + r.length()
                        + " bytes left");
            }
            out.add(r.slice("Entry", 4, (next == 0 ? r.length() : (int) next) - 4));
            if (next == 0) {
                break;
            }
            at += (int) next;
        }
        return out;
    }
}
