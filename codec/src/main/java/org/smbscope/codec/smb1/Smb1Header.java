package org.smbscope.codec.smb1;

import java.util.Arrays;
import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * The 32-byte SMB header. [MS-CIFS] 2.2.3.1 The SMB Header; [MS-SMB] 2.2.3.1.
 *
 * <p>{@code status} is the raw 32-bit Status field: an NTSTATUS when Flags2 NT_STATUS is set,
 * otherwise ErrorClass (byte 0), reserved (byte 1) and ErrorCode (bytes 2-3), see
 * {@link #errorClass()} and {@link #errorCode()}.
 */
public record Smb1Header(Smb1Command command, int rawStatus, Smb1Flags flags, Smb1Flags2 flags2,
        int pidHigh, byte[] securityFeatures, int tid, int pidLow, int uid, int mid) implements Described {
    public static final int SIZE = 32;
    public static final int SIGNATURE_OFFSET = 14;
    static final byte[] PROTOCOL = {(byte) 0xFF, 'S', 'M', 'B'};

    public Smb1Header {
        securityFeatures = securityFeatures == null ? new byte[8] : securityFeatures.clone();
        if (securityFeatures.length != 8) {
            throw new IllegalArgumentException("SecurityFeatures must be 8 bytes");
        }
    }

    /** A request header with zero status and signature. */
    public static Smb1Header request(Smb1Command command, Smb1Flags flags, Smb1Flags2 flags2,
            int tid, int pid, int uid, int mid) {
        return new Smb1Header(command, 0, flags, flags2, (pid >>> 16) & 0xFFFF, new byte[8], tid, pid & 0xFFFF, uid, mid);
    }

    /** The reply header to {@code request}: same ids, REPLY set, the given status. */
    public Smb1Header reply(long status) {
        return new Smb1Header(command, (int) status, flags.with(Smb1Flags.REPLY), flags2, pidHigh,
                new byte[8], tid, pidLow, uid, mid);
    }

    public Smb1Header withCommand(Smb1Command c) {
        return new Smb1Header(c, rawStatus, flags, flags2, pidHigh, securityFeatures, tid, pidLow, uid, mid);
    }

    public Smb1Header withUid(int newUid) {
        return new Smb1Header(command, rawStatus, flags, flags2, pidHigh, securityFeatures, tid, pidLow, newUid, mid);
    }

    public Smb1Header withTid(int newTid) {
        return new Smb1Header(command, rawStatus, flags, flags2, pidHigh, securityFeatures, newTid, pidLow, uid, mid);
    }

    /** The Status field as an unsigned 32-bit value (NTSTATUS when {@link #ntStatus()}). */
    public long status() {
        return rawStatus & 0xFFFFFFFFL;
    }

    public boolean ntStatus() {
        return flags2.has(Smb1Flags2.NT_STATUS);
    }

    /**
     * The status as an NTSTATUS: the Status field itself when Flags2 NT_STATUS is set, otherwise the
     * NTSTATUS the DOS class/code stands for ({@link DosError#ntStatus()}).
     */
    public org.smbscope.codec.status.NtStatus ntStatusValue() {
        return ntStatus() ? new org.smbscope.codec.status.NtStatus(rawStatus) : DosError.of(this).ntStatus();
    }

    /** DOS error class (when NT_STATUS is clear). */
    public int errorClass() {
        return rawStatus & 0xFF;
    }

    /** DOS error code (when NT_STATUS is clear). */
    public int errorCode() {
        return (rawStatus >>> 16) & 0xFFFF;
    }

    public boolean isReply() {
        return flags.isReply();
    }

    public long pid() {
        return ((long) pidHigh << 16) | pidLow;
    }

    @Override
    public byte[] securityFeatures() {
        return securityFeatures.clone();
    }

    public static Smb1Header decode(WireReader r) throws DecodeException {
        int at = r.position();
        byte[] proto = r.bytes("Protocol", 4);
        if (!Arrays.equals(proto, PROTOCOL)) {
            throw r.failAt("Protocol", at, "not 0xFF 'SMB': " + HexFormat.of().formatHex(proto));
        }
        Smb1Command command = Smb1Command.of(r.u8("Command"));
        int status = r.i32le("Status");
        Smb1Flags flags = new Smb1Flags(r.u8("Flags"));
        Smb1Flags2 flags2 = new Smb1Flags2(r.u16le("Flags2"));
        int pidHigh = r.u16le("PIDHigh");
        byte[] sig = r.bytes("SecurityFeatures", 8);
        r.skip("Reserved", 2);
        int tid = r.u16le("TID");
        int pidLow = r.u16le("PIDLow");
        int uid = r.u16le("UID");
        int mid = r.u16le("MID");
        return new Smb1Header(command, status, flags, flags2, pidHigh, sig, tid, pidLow, uid, mid);
    }

    public void encode(WireWriter w) {
        w.bytes(PROTOCOL).u8(command.value()).u32le(status()).u8(flags.value()).u16le(flags2.value())
                .u16le(pidHigh).bytes(securityFeatures).u16le(0).u16le(tid).u16le(pidLow).u16le(uid).u16le(mid);
    }

    /** A status in the form Wireshark prints it. */
    public String statusText() {
        if (ntStatus()) {
            return String.format("0x%08x", status());
        }
        return String.format("DOS class %d, code %d (%s)", errorClass(), errorCode(), DosError.of(this).name());
    }

    @Override
    public Detail detail() {
        return Detail.of("SMB Header")
                .field("Server Component", "SMB")
                .field("SMB Command", command)
                .field(ntStatus() ? "NT Status" : "Error", statusText())
                .field("Flags", flags)
                .field("Flags2", flags2)
                .field("Process ID High", pidHigh)
                .field("Signature", HexFormat.of().formatHex(securityFeatures))
                .field("Tree ID", tid)
                .field("Process ID", pidLow)
                .field("User ID", uid)
                .field("Multiplex ID", mid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb1Header h && command.equals(h.command) && rawStatus == h.rawStatus
                && flags.equals(h.flags) && flags2.equals(h.flags2) && pidHigh == h.pidHigh
                && Arrays.equals(securityFeatures, h.securityFeatures) && tid == h.tid && pidLow == h.pidLow
                && uid == h.uid && mid == h.mid;
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + rawStatus * 17 + mid + uid * 7 + tid * 13 + Arrays.hashCode(securityFeatures);
    }

    @Override
    public String toString() {
        return "Smb1Header[" + command.name() + ", status=" + statusText() + ", flags=" + flags + ", flags2=" + flags2
                + ", tid=" + tid + ", pid=" + pid() + ", uid=" + uid + ", mid=" + mid + "]";
    }
}
