package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.5 SMB2 SESSION_SETUP Request. {@code flags}: 0x01 SMB2_SESSION_FLAG_BINDING.
 * {@code securityBuffer} is the GSS/SPNEGO token.
 */
public record SessionSetupRequest(int flags, SecurityMode securityMode, Capabilities capabilities, int channel,
        long previousSessionId, byte[] securityBuffer) implements Smb2Request {
    static final int STRUCTURE_SIZE = 25;
    public static final int FLAG_BINDING = 0x01;

    public SessionSetupRequest {
        Objects.requireNonNull(securityMode);
        Objects.requireNonNull(capabilities);
        securityBuffer = securityBuffer.clone();
    }

    @Override
    public byte[] securityBuffer() {
        return securityBuffer.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.SESSION_SETUP;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(flags).u8(securityMode.value()).u32le(capabilities.value() & 0xFFFFFFFFL)
                .u32le(channel & 0xFFFFFFFFL);
        int offsetAt = w.size();
        w.u16le(0).u16le(securityBuffer.length).u64le(previousSessionId);
        w.patchU16le(offsetAt, w.size() - headerStart);
        w.bytes(securityBuffer);
        if (securityBuffer.length == 0) {
            w.u8(0);
        }
    }

    static SessionSetupRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int flags = r.u8("Flags");
        SecurityMode mode = new SecurityMode(r.u8("SecurityMode"));
        Capabilities caps = new Capabilities(r.i32le("Capabilities"));
        int channel = r.i32le("Channel");
        int offset = r.u16le("SecurityBufferOffset");
        int length = r.u16le("SecurityBufferLength");
        long previous = r.u64le("PreviousSessionId");
        return new SessionSetupRequest(flags, mode, caps, channel, previous, b.bytes("SecurityBuffer", offset, length));
    }

    @Override
    public Detail detail() {
        return Detail.of("Session Setup Request (0x01)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Flags", String.format("0x%02x", flags) + ((flags & 1) != 0 ? " (BINDING)" : ""))
                .field("Security mode", securityMode)
                .field("Capabilities", capabilities)
                .field("Channel", String.format("0x%08x", channel))
                .field("Previous Session Id", String.format("0x%016x", previousSessionId))
                .field("Security Blob", Bits.preview(securityBuffer));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionSetupRequest s && flags == s.flags && securityMode.equals(s.securityMode)
                && capabilities.equals(s.capabilities) && channel == s.channel
                && previousSessionId == s.previousSessionId && Arrays.equals(securityBuffer, s.securityBuffer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, securityMode, capabilities, channel, previousSessionId,
                Arrays.hashCode(securityBuffer));
    }

    @Override
    public String toString() {
        return "SessionSetupRequest[flags=" + flags + ", mode=" + securityMode + ", caps=" + capabilities
                + ", previous=" + previousSessionId + ", blob=" + securityBuffer.length + " bytes]";
    }
}
