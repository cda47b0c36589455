package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.6 SMB2 SESSION_SETUP Response (sent with STATUS_MORE_PROCESSING_REQUIRED while
 * authentication continues, STATUS_SUCCESS at the end).
 */
public record SessionSetupResponse(SessionFlags sessionFlags, byte[] securityBuffer) implements Smb2Response {
    static final int STRUCTURE_SIZE = 9;

    public SessionSetupResponse {
        Objects.requireNonNull(sessionFlags);
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
        w.u16le(STRUCTURE_SIZE).u16le(sessionFlags.value());
        int offsetAt = w.size();
        w.u16le(0).u16le(securityBuffer.length);
        w.patchU16le(offsetAt, w.size() - headerStart);
        w.bytes(securityBuffer);
        if (securityBuffer.length == 0) {
            w.u8(0);
        }
    }

    static SessionSetupResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        SessionFlags flags = new SessionFlags(r.u16le("SessionFlags"));
        int offset = r.u16le("SecurityBufferOffset");
        int length = r.u16le("SecurityBufferLength");
        return new SessionSetupResponse(flags, b.bytes("SecurityBuffer", offset, length));
    }

    @Override
    public Detail detail() {
        return Detail.of("Session Setup Response (0x01)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Session Flags", sessionFlags)
                .field("Security Blob", Bits.preview(securityBuffer));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionSetupResponse s && sessionFlags.equals(s.sessionFlags)
                && Arrays.equals(securityBuffer, s.securityBuffer);
    }

    @Override
    public int hashCode() {
        return sessionFlags.hashCode() * 31 + Arrays.hashCode(securityBuffer);
    }

    @Override
    public String toString() {
        return "SessionSetupResponse[flags=" + sessionFlags + ", blob=" + securityBuffer.length + " bytes]";
    }
}
