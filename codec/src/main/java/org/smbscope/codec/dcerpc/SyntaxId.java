package org.smbscope.codec.dcerpc;

import java.util.UUID;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A presentation syntax identifier p_syntax_id_t ([C706] 12.6.3.1): an interface or transfer
 * syntax UUID and its version (u16 major, u16 minor on the wire). UUIDs are in the DCE
 * little-endian layout (time_low, time_mid, time_hi_and_version little endian, then 8 bytes).
 */
public record SyntaxId(UUID uuid, int versionMajor, int versionMinor) {
    /** NDR 2.0 transfer syntax 8a885d04-1ceb-11c9-9fe8-08002b104860 v2. */
    public static final SyntaxId NDR = new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0);
    /** NDR64 transfer syntax 71710533-beba-4937-8319-b5dbef9ccc36 v1 ([MS-RPCE] 2.2.5). */
    public static final SyntaxId NDR64 = new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);
    /** The wire length. */
    public static final int LENGTH = 20;

    public static SyntaxId read(WireReader r, String field) throws DecodeException {
        UUID uuid = readUuid(r, field + ".uuid");
        int major = r.u16le(field + ".version");
        int minor = r.u16le(field + ".version_minor");
        return new SyntaxId(uuid, major, minor);
    }

    public void write(WireWriter w) {
        writeUuid(w, uuid);
        w.u16le(versionMajor).u16le(versionMinor);
    }

    /** Reads a UUID in the DCE (little-endian first three fields) layout. */
    public static UUID readUuid(WireReader r, String field) throws DecodeException {
        long timeLow = r.u32le(field);
        long timeMid = r.u16le(field);
        long timeHi = r.u16le(field);
        byte[] rest = r.bytes(field, 8);
        long lsb = 0;
        for (byte b : rest) {
            lsb = (lsb << 8) | (b & 0xFF);
        }
        return new UUID(timeLow << 32 | timeMid << 16 | timeHi, lsb);
    }

    public static void writeUuid(WireWriter w, UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        w.u32le(msb >>> 32).u16le((int) (msb >>> 16) & 0xFFFF).u16le((int) msb & 0xFFFF);
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            w.u8((int) (lsb >>> (8 * i)) & 0xFF);
        }
    }

    /** A short name for well-known syntaxes, as Wireshark shows them. */
    public String name() {
        if (uuid.equals(NDR.uuid)) {
            return "32bit NDR";
        }
        if (uuid.equals(NDR64.uuid)) {
            return "64bit NDR";
        }
        if (uuid.toString().equals("4b324fc8-1670-01d3-1278-5a47bf6ee188")) {
            return "SRVSVC";
        }
        if (uuid.toString().startsWith("6cb71c2c-9812-4540-0300")) {
            return "Bind time feature negotiation";
        }
        return uuid.toString();
    }

    @Override
    public String toString() {
        return name() + " V" + versionMajor + "." + versionMinor;
    }
}
