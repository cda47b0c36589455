package org.smbscope.codec.dtyp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;

/**
 * A self-relative SECURITY_DESCRIPTOR, [MS-DTYP] 2.4.6, kept opaque: the bytes, with the control
 * flags and the owner and group SIDs read on demand. ACLs are not interpreted.
 */
public final class SecurityDescriptor {
    private final byte[] bytes;

    private SecurityDescriptor(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SecurityDescriptor of(byte[] bytes) {
        return new SecurityDescriptor(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Control flags (offset 2), or 0 if too short. */
    public int control() {
        return bytes.length >= 4 ? (bytes[2] & 0xFF) | ((bytes[3] & 0xFF) << 8) : 0;
    }

    public Optional<Sid> owner() {
        return sidAt(4);
    }

    public Optional<Sid> group() {
        return sidAt(8);
    }

    private Optional<Sid> sidAt(int fieldOffset) {
        try {
            WireReader r = WireReader.of(bytes, DtypDecodeException::new);
            r.seek("SD", fieldOffset);
            long off = r.u32le("SD.Offset");
            if (off == 0 || off >= bytes.length) {
                return Optional.empty();
            }
            r.seek("SD.Sid", (int) off);
            return Optional.of(Sid.read(r));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityDescriptor s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SecurityDescriptor[" + bytes.length + " bytes, owner=" + owner().map(Sid::toString).orElse("-")
                + ", group=" + group().map(Sid::toString).orElse("-") + "]";
    }

    /** Hex of the bytes, for debugging. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }
}
