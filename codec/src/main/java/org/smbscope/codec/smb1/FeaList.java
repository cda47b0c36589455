package org.smbscope.codec.smb1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * The OS/2 extended attribute lists of SMB1 ([MS-CIFS] 2.2.1.2.1 to 2.2.1.2.2): an SMB_FEA_LIST is
 * SizeOfListInBytes (u32, itself included) then SMB_FEA entries (ExtendedAttributeFlag, AttributeNameLengthInBytes,
 * AttributeValueLengthInBytes (u16), AttributeName + NUL, AttributeValue), unpadded; an SMB_GEA_LIST is
 * SizeOfListInBytes then SMB_GEA entries (AttributeNameLengthInBytes, AttributeName + NUL). Used by TRANS2
 * QUERY/SET information (SMB_INFO_SET_EAS, SMB_INFO_QUERY_EAS_FROM_LIST, SMB_INFO_QUERY_ALL_EAS), TRANS2_OPEN2
 * and TRANS2_CREATE_DIRECTORY.
 */
public final class FeaList {
    /** Hard cap on entries accepted from the wire. */
    static final int MAX_ENTRIES = 65536;

    private FeaList() {
    }

    /** SizeOfListInBytes of {@code eas}: 4 + the entries. */
    public static int size(List<FullEa> eas) {
        int total = 4;
        for (FullEa e : eas) {
            total += 4 + e.name().length() + 1 + e.valueLength();
        }
        return total;
    }

    public static byte[] encode(List<FullEa> eas) {
        WireWriter w = new WireWriter().u32le(size(eas));
        for (FullEa e : eas) {
            byte[] n = e.nameBytes();
            w.u8(e.flags() & 0xFF).u8(n.length & 0xFF).u16le(e.valueLength()).bytes(n).u8(0).bytes(e.value());
        }
        return w.toByteArray();
    }

    /** An SMB_FEA_LIST; bytes after SizeOfListInBytes are ignored, a size past the buffer is an error. */
    public static List<FullEa> decode(byte[] buffer) throws Smb1DecodeException {
        List<FullEa> out = new ArrayList<>();
        try {
            WireReader r = list(buffer);
            while (r.hasRemaining()) {
                if (out.size() >= MAX_ENTRIES) {
                    throw r.fail("SMB_FEA", "more than " + MAX_ENTRIES + " entries");
                }
                int flags = r.u8("ExtendedAttributeFlag");
                int nameLength = r.u8("AttributeNameLengthInBytes");
                int valueLength = r.u16le("AttributeValueLengthInBytes");
                String name = r.latin1("AttributeName", nameLength);
                if (r.u8("AttributeName terminator") != 0) {
                    throw r.fail("AttributeName terminator", "AttributeName is not followed by a NUL");
                }
                out.add(new FullEa(flags, name, r.bytes("AttributeValue", valueLength)));
            }
            return out;
        } catch (Smb1DecodeException ex) {
            throw ex;
        } catch (DecodeException ex) {
            throw new Smb1DecodeException(ex.field(), ex.offset(), ex.detail());
        }
    }

    public static byte[] encodeNames(List<String> names) {
        int total = 4;
        for (String n : names) {
            total += 1 + n.length() + 1;
        }
        WireWriter w = new WireWriter().u32le(total);
        for (String n : names) {
            byte[] b = n.getBytes(StandardCharsets.ISO_8859_1);
            w.u8(b.length & 0xFF).bytes(b).u8(0);
        }
        return w.toByteArray();
    }

    /** An SMB_GEA_LIST. */
    public static List<String> decodeNames(byte[] buffer) throws Smb1DecodeException {
        List<String> out = new ArrayList<>();
        try {
            WireReader r = list(buffer);
            while (r.hasRemaining()) {
                if (out.size() >= MAX_ENTRIES) {
                    throw r.fail("SMB_GEA", "more than " + MAX_ENTRIES + " entries");
                }
                int nameLength = r.u8("AttributeNameLengthInBytes");
                out.add(r.latin1("AttributeName", nameLength));
                if (r.u8("AttributeName terminator") != 0) {
                    throw r.fail("AttributeName terminator", "AttributeName is not followed by a NUL");
                }
            }
            return out;
        } catch (Smb1DecodeException ex) {
            throw ex;
        } catch (DecodeException ex) {
            throw new Smb1DecodeException(ex.field(), ex.offset(), ex.detail());
        }
    }

    /** A reader over the entries: SizeOfListInBytes checked against the buffer. */
    private static WireReader list(byte[] buffer) throws DecodeException {
        WireReader all = WireReader.of(buffer, Smb1DecodeException::new);
        long size = all.u32le("SizeOfListInBytes");
        if (size < 4 || size > buffer.length) {
            throw all.fail("SizeOfListInBytes", "list size " + size + " outside 4.." + buffer.length);
        }
        return all.window("entries", (int) size - 4);
    }
}
