package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.3 SMB2 NEGOTIATE Request. Negotiate contexts are sent when the dialect list holds
 * 3.1.1; otherwise the 8-byte ClientStartTime (zero) takes their place.
 */
public record NegotiateRequest(SecurityMode securityMode, Capabilities capabilities, Guid clientGuid,
        List<Smb2Dialect> dialects, List<NegotiateContext> contexts) implements Smb2Request {
    static final int STRUCTURE_SIZE = 36;
    /** Hard cap on dialects accepted from the wire. */
    static final int MAX_DIALECTS = 64;

    public NegotiateRequest {
        Objects.requireNonNull(securityMode);
        Objects.requireNonNull(capabilities);
        Objects.requireNonNull(clientGuid);
        dialects = List.copyOf(dialects);
        contexts = List.copyOf(contexts);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.NEGOTIATE;
    }

    /** True when the contexts field is present (dialects include 3.1.1). */
    public boolean hasContexts() {
        return dialects.contains(Smb2Dialect.SMB_3_1_1);
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(dialects.size()).u16le(securityMode.value()).u16le(0)
                .u32le(capabilities.value() & 0xFFFFFFFFL);
        clientGuid.write(w);
        int contextOffsetAt = w.size();
        w.u32le(0).u16le(hasContexts() ? contexts.size() : 0).u16le(0);
        dialects.forEach(d -> w.u16le(d.value()));
        if (hasContexts() && !contexts.isEmpty()) {
            NegotiateContext.pad8(w, headerStart);
            w.patchU32le(contextOffsetAt, w.size() - headerStart);
            NegotiateContext.writeList(w, headerStart, contexts);
        }
    }

    static NegotiateRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int count = r.u16le("DialectCount");
        SecurityMode mode = new SecurityMode(r.u16le("SecurityMode"));
        r.skip("Reserved", 2);
        Capabilities caps = new Capabilities(r.i32le("Capabilities"));
        Guid guid = Guid.read(r, "ClientGuid");
        long contextOffset = r.u32le("NegotiateContextOffset");
        int contextCount = r.u16le("NegotiateContextCount");
        r.skip("Reserved2", 2);
        if (count == 0 || count > MAX_DIALECTS || count * 2 > r.remaining()) {
            throw r.fail("DialectCount", count + " dialects (1.." + MAX_DIALECTS + " that fit the message)");
        }
        List<Smb2Dialect> dialects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dialects.add(new Smb2Dialect(r.u16le("Dialects")));
        }
        List<NegotiateContext> contexts = List.of();
        if (dialects.contains(Smb2Dialect.SMB_3_1_1) && contextCount > 0) {
            int minOffset = r.position();
            if (contextOffset < minOffset || contextOffset > r.length()) {
                throw r.fail("NegotiateContextOffset", "offset " + contextOffset + " outside " + minOffset + ".."
                        + r.length());
            }
            WireReader list = r.slice("NegotiateContextList", (int) contextOffset, r.length() - (int) contextOffset);
            contexts = NegotiateContext.readList(list, contextCount);
        }
        return new NegotiateRequest(mode, caps, guid, dialects, contexts);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Negotiate Protocol Request (0x00)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Dialect count", dialects.size())
                .field("Security mode", securityMode)
                .field("Capabilities", capabilities)
                .field("Client Guid", clientGuid);
        dialects.forEach(x -> d.field("Dialect", x));
        if (hasContexts()) {
            d.field("Negotiate Context Count", contexts.size());
            contexts.forEach(c -> d.child(c.detail()));
        }
        return d;
    }
}
