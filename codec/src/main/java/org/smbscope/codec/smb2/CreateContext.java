package org.smbscope.codec.smb2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * One SMB2_CREATE_CONTEXT, [MS-SMB2] 2.2.13.2, kept generic: the name (usually four ASCII
 * characters such as "MxAc"; a 16-byte GUID for some, held here as Latin-1 so every byte round-trips)
 * and the data bytes. Chained by Next with each context 8-byte aligned.
 */
public record CreateContext(String name, byte[] data) {
    public static final String MAXIMAL_ACCESS = "MxAc";
    public static final String QUERY_ON_DISK_ID = "QFid";
    public static final String DURABLE_HANDLE_REQUEST = "DHnQ";
    public static final String DURABLE_HANDLE_RECONNECT = "DHnC";
    public static final String DURABLE_HANDLE_REQUEST_V2 = "DH2Q";
    public static final String DURABLE_HANDLE_RECONNECT_V2 = "DH2C";
    public static final String REQUEST_LEASE = "RqLs";
    public static final String TIMEWARP_TOKEN = "TWrp";
    public static final String ALLOCATION_SIZE = "AlSi";
    public static final String SECURITY_DESCRIPTOR = "SecD";
    public static final String EA_BUFFER = "ExtA";
    /** Hard cap on contexts accepted from the wire. */
    static final int MAX_CONTEXTS = 64;

    public CreateContext {
        Objects.requireNonNull(name);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** An MxAc request (no data; optional timestamp omitted). */
    public static CreateContext maximalAccessRequest() {
        return new CreateContext(MAXIMAL_ACCESS, new byte[0]);
    }

    /** A QFid request (no data). */
    public static CreateContext queryOnDiskIdRequest() {
        return new CreateContext(QUERY_ON_DISK_ID, new byte[0]);
    }

    /** MxAc response data: QueryStatus (NTSTATUS) then MaximalAccess, or null if not that shape. */
    public AccessMask maximalAccess() {
        if (!MAXIMAL_ACCESS.equals(name) || data.length < 8) {
            return null;
        }
        return new AccessMask((data[4] & 0xFF) | (data[5] & 0xFF) << 8 | (data[6] & 0xFF) << 16
                | (data[7] & 0xFF) << 24);
    }

    static void writeList(WireWriter w, int headerStart, List<CreateContext> contexts) {
        for (int i = 0; i < contexts.size(); i++) {
            CreateContext c = contexts.get(i);
            int start = w.size();
            byte[] nameBytes = c.name.getBytes(StandardCharsets.ISO_8859_1);
            w.u32le(0).u16le(16).u16le(nameBytes.length).u16le(0);
            int dataOffsetAt = w.size();
            w.u16le(0).u32le(c.data.length);
            w.bytes(nameBytes);
            if (c.data.length > 0) {
                while (((w.size() - start) & 7) != 0) {
                    w.u8(0);
                }
                w.patchU16le(dataOffsetAt, w.size() - start);
                w.bytes(c.data);
            }
            if (i < contexts.size() - 1) {
                while (((w.size() - headerStart) & 7) != 0) {
                    w.u8(0);
                }
                w.patchU32le(start, w.size() - start);
            }
        }
    }

    /** Reads a chain from a window holding exactly the CreateContexts bytes. */
    static List<CreateContext> readList(WireReader chain) throws DecodeException {
        List<CreateContext> list = new ArrayList<>();
        int at = 0;
        while (true) {
            if (list.size() >= MAX_CONTEXTS) {
                throw chain.fail("CreateContext", "more than " + MAX_CONTEXTS + " create contexts");
            }
            WireReader c = chain.slice("CreateContext", at, chain.length() - at);
            long next = c.u32le("Next");
            int nameOffset = c.u16le("NameOffset");
            int nameLength = c.u16le("NameLength");
            c.skip("Reserved", 2);
            int dataOffset = c.u16le("DataOffset");
            long dataLength = c.u32le("DataLength");
            int own = next == 0 ? c.length() : (int) Math.min(next, c.length());
            if (next != 0 && (next < 16 || next > c.length() || (next & 7) != 0)) {
                throw c.fail("Next", "next offset " + next + " must be a multiple of 8 in 16.." + c.length());
            }
            WireReader self = c.slice("CreateContext", 0, own);
            if (nameOffset < 16 && nameLength > 0) {
                throw c.fail("NameOffset", "name offset " + nameOffset + " overlaps the context header");
            }
            String name = self.slice("Name", nameOffset, nameLength).latin1("Name", nameLength);
            byte[] data = new byte[0];
            if (dataLength > 0) {
                if (dataOffset < 16 || dataOffset < nameOffset + nameLength) {
                    throw c.fail("DataOffset", "data offset " + dataOffset + " overlaps the header or name");
                }
                if (dataLength > own) {
                    throw c.fail("DataLength", "data length " + dataLength + " beyond the context");
                }
                data = self.slice("Data", dataOffset, (int) dataLength).rest();
            }
            list.add(new CreateContext(name, data));
            if (next == 0) {
                return list;
            }
            at += (int) next;
        }
    }

    public Detail detail() {
        return Detail.of("Chain Element: " + printableName()).field("Data", Bits.preview(data));
    }

    private String printableName() {
        for (char ch : name.toCharArray()) {
            if (ch < 0x20 || ch > 0x7e) {
                return Bits.hex(name.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return "\"" + name + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateContext c && name.equals(c.name) && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CreateContext[" + printableName() + ", " + Bits.preview(data) + "]";
    }
}
