package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.4 SMB2 NEGOTIATE Response. {@code securityBuffer} is the server's SPNEGO hint
 * (NegTokenInit2); contexts are present only for dialect 3.1.1.
 */
public record NegotiateResponse(SecurityMode securityMode, Smb2Dialect dialect, Guid serverGuid,
        Capabilities capabilities, long maxTransactSize, long maxReadSize, long maxWriteSize, FileTime systemTime,
        FileTime serverStartTime, byte[] securityBuffer, List<NegotiateContext> contexts) implements Smb2Response {
    static final int STRUCTURE_SIZE = 65;

    public NegotiateResponse {
        Objects.requireNonNull(securityMode);
        Objects.requireNonNull(dialect);
        Objects.requireNonNull(serverGuid);
        Objects.requireNonNull(capabilities);
        Objects.requireNonNull(systemTime);
        Objects.requireNonNull(serverStartTime);
        securityBuffer = securityBuffer.clone();
        contexts = List.copyOf(contexts);
    }

    @Override
    public byte[] securityBuffer() {
        return securityBuffer.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.NEGOTIATE;
    }

    /** The first context of the given record type, if any. */
    public <T extends NegotiateContext> Optional<T> context(Class<T> type) {
        return contexts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        boolean with = dialect.equals(Smb2Dialect.SMB_3_1_1);
        w.u16le(STRUCTURE_SIZE).u16le(securityMode.value()).u16le(dialect.value())
                .u16le(with ? contexts.size() : 0);
        serverGuid.write(w);
        w.u32le(capabilities.value() & 0xFFFFFFFFL).u32le(maxTransactSize).u32le(maxReadSize).u32le(maxWriteSize)
                .u64le(systemTime.value()).u64le(serverStartTime.value());
        int bufferOffsetAt = w.size();
        w.u16le(0).u16le(securityBuffer.length);
        int contextOffsetAt = w.size();
        w.u32le(0);
        if (securityBuffer.length > 0) {
            w.patchU16le(bufferOffsetAt, w.size() - headerStart);
        }
        w.bytes(securityBuffer);
        if (with && !contexts.isEmpty()) {
            NegotiateContext.pad8(w, headerStart);
            w.patchU32le(contextOffsetAt, w.size() - headerStart);
            NegotiateContext.writeList(w, headerStart, contexts);
        }
    }

    static NegotiateResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        SecurityMode mode = new SecurityMode(r.u16le("SecurityMode"));
        Smb2Dialect dialect = new Smb2Dialect(r.u16le("DialectRevision"));
        int contextCount = r.u16le("NegotiateContextCount");
        Guid guid = Guid.read(r, "ServerGuid");
        Capabilities caps = new Capabilities(r.i32le("Capabilities"));
        long maxTransact = r.u32le("MaxTransactSize");
        long maxRead = r.u32le("MaxReadSize");
        long maxWrite = r.u32le("MaxWriteSize");
        FileTime systemTime = b.time("SystemTime");
        FileTime startTime = b.time("ServerStartTime");
        int bufferOffset = r.u16le("SecurityBufferOffset");
        int bufferLength = r.u16le("SecurityBufferLength");
        long contextOffset = r.u32le("NegotiateContextOffset");
        byte[] buffer = b.bytes("SecurityBuffer", bufferOffset, bufferLength);
        List<NegotiateContext> contexts = List.of();
        if (dialect.equals(Smb2Dialect.SMB_3_1_1) && contextCount > 0) {
            WireReader list = b.window("NegotiateContextList", contextOffset, Math.max(0, r.length() - contextOffset));
            contexts = NegotiateContext.readList(list, contextCount);
        }
        return new NegotiateResponse(mode, dialect, guid, caps, maxTransact, maxRead, maxWrite, systemTime, startTime,
                buffer, contexts);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Negotiate Protocol Response (0x00)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Security mode", securityMode)
                .field("Dialect", dialect)
                .field("Server Guid", serverGuid)
                .field("Capabilities", capabilities)
                .field("Max Transaction Size", maxTransactSize)
                .field("Max Read Size", maxReadSize)
                .field("Max Write Size", maxWriteSize)
                .field("Current Time", systemTime)
                .field("Boot Time", serverStartTime)
                .field("Security Blob", Bits.preview(securityBuffer));
        if (!contexts.isEmpty()) {
            d.field("Negotiate Context Count", contexts.size());
            contexts.forEach(c -> d.child(c.detail()));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegotiateResponse n && securityMode.equals(n.securityMode) && dialect.equals(n.dialect)
                && serverGuid.equals(n.serverGuid) && capabilities.equals(n.capabilities)
                && maxTransactSize == n.maxTransactSize && maxReadSize == n.maxReadSize
                && maxWriteSize == n.maxWriteSize && systemTime.equals(n.systemTime)
                && serverStartTime.equals(n.serverStartTime) && Arrays.equals(securityBuffer, n.securityBuffer)
                && contexts.equals(n.contexts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, serverGuid, Arrays.hashCode(securityBuffer), contexts);
    }

    @Override
    public String toString() {
        return "NegotiateResponse[dialect=" + dialect + ", mode=" + securityMode + ", caps=" + capabilities
                + ", guid=" + serverGuid + ", maxRead=" + maxReadSize + ", maxWrite=" + maxWriteSize
                + ", blob=" + securityBuffer.length + " bytes, contexts=" + contexts + "]";
    }
}
