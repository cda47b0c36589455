package org.smbscope.codec.dcerpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Encodes and decodes connection-oriented DCE/RPC PDUs ([C706] 12.6.3 common header and PDU
 * bodies, [MS-RPCE] 2.2.2). Only the little-endian, ASCII, IEEE data representation
 * (10 00 00 00) is accepted, which is what every Windows and Samba peer sends.
 */
public final class RpcPduCodec {
    /** Length of the common header. */
    public static final int HEADER_LENGTH = 16;
    private static final int SEC_TRAILER = 8;

    private RpcPduCodec() {
    }

    /**
     * The frag_length of the PDU starting at {@code offset}, or -1 if fewer than 10 bytes are
     * there; for splitting a byte stream (a named pipe read) into PDUs.
     */
    public static int fragmentLength(byte[] buf, int offset, int length) {
        if (length < 10) {
            return -1;
        }
        return (buf[offset + 8] & 0xFF) | (buf[offset + 9] & 0xFF) << 8;
    }

    public static RpcPdu decode(byte[] pdu) throws DcerpcDecodeException {
        return decode(pdu, 0, pdu.length);
    }

    /** Decodes exactly one PDU occupying {@code buf[offset, offset+length)}. */
    public static RpcPdu decode(byte[] buf, int offset, int length) throws DcerpcDecodeException {
        try {
            return decode(WireReader.of(buf, offset, length, DcerpcDecodeException::new));
        } catch (DcerpcDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new DcerpcDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    private static RpcPdu decode(WireReader r) throws DecodeException {
        int version = r.u8("rpc_vers");
        int minor = r.u8("rpc_vers_minor");
        if (version != 5 || minor > 1) {
            throw r.failAt("rpc_vers", 0, "version " + version + "." + minor + ", expected 5.0");
        }
        PduType type = new PduType(r.u8("PTYPE"));
        Set<PfcFlag> flags = PfcFlag.of(r.u8("pfc_flags"));
        int drep = r.u8("packed_drep");
        r.skip("packed_drep", 3);
        if (drep != 0x10) {
            throw r.failAt("packed_drep", 4, String.format("data representation 0x%02x: only little-endian ASCII (0x10) is supported", drep));
        }
        int fragLength = r.u16le("frag_length");
        int authLength = r.u16le("auth_length");
        int callId = r.i32le("call_id");
        if (fragLength != r.length()) {
            throw r.failAt("frag_length", 8, "frag_length " + fragLength + " but the PDU has " + r.length() + " bytes");
        }
        int bodyEnd = fragLength;
        AuthVerifier auth = null;
        if (authLength > 0) {
            bodyEnd = fragLength - authLength - SEC_TRAILER;
            if (bodyEnd < HEADER_LENGTH) {
                throw r.failAt("auth_length", 10, "auth_length " + authLength + " does not fit a " + fragLength + "-byte PDU");
            }
            WireReader t = r.slice("sec_trailer", bodyEnd, SEC_TRAILER + authLength);
            int authType = t.u8("auth_type");
            int authLevel = t.u8("auth_level");
            int pad = t.u8("auth_pad_length");
            t.u8("auth_reserved");
            long ctx = t.u32le("auth_context_id");
            auth = new AuthVerifier(authType, authLevel, pad, ctx, t.rest());
        }
        WireReader b = r.slice("body", HEADER_LENGTH, bodyEnd - HEADER_LENGTH);
        int pad = auth == null ? 0 : auth.padLength();
        int callIdFinal = callId;
        return switch (type.value()) {
            case 11, 14 -> bind(b, type, callIdFinal, flags, auth);
            case 12, 15 -> bindAck(b, type, callIdFinal, flags, auth);
            case 13 -> bindNak(b, callIdFinal, flags);
            case 0 -> {
                long allocHint = b.u32le("alloc_hint");
                int ctx = b.u16le("p_cont_id");
                int opnum = b.u16le("opnum");
                UUID object = flags.contains(PfcFlag.OBJECT_UUID) ? SyntaxId.readUuid(b, "object") : null;
                yield new RpcPdu.Request(callIdFinal, flags, allocHint, ctx, opnum, object, stub(b, pad), auth);
            }
            case 2 -> {
                long allocHint = b.u32le("alloc_hint");
                int ctx = b.u16le("p_cont_id");
                int cancel = b.u8("cancel_count");
                b.u8("reserved");
                yield new RpcPdu.Response(callIdFinal, flags, allocHint, ctx, cancel, stub(b, pad), auth);
            }
            case 3 -> {
                long allocHint = b.u32le("alloc_hint");
                int ctx = b.u16le("p_cont_id");
                int cancel = b.u8("cancel_count");
                b.u8("reserved");
                FaultStatus status = new FaultStatus(b.u32le("status"));
                if (b.remaining() >= 4) {
                    b.u32le("reserved2");
                }
                yield new RpcPdu.Fault(callIdFinal, flags, allocHint, ctx, cancel, status, stub(b, pad), auth);
            }
            default -> new RpcPdu.Other(type, callIdFinal, flags, b.rest(), auth);
        };
    }

    private static byte[] stub(WireReader b, int pad) throws DecodeException {
        if (pad > b.remaining()) {
            throw b.fail("auth_pad_length", "auth_pad_length " + pad + " but the stub has " + b.remaining() + " bytes");
        }
        byte[] stub = b.bytes("stub", b.remaining() - pad);
        b.skip("auth_pad", pad);
        return stub;
    }

    private static RpcPdu bind(WireReader b, PduType type, int callId, Set<PfcFlag> flags, AuthVerifier auth)
            throws DecodeException {
        int maxXmit = b.u16le("max_xmit_frag");
        int maxRecv = b.u16le("max_recv_frag");
        long assoc = b.u32le("assoc_group_id");
        int n = b.u8("n_context_elem");
        b.skip("reserved", 3);
        List<PresentationContext> contexts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = b.u16le("p_cont_id");
            int nt = b.u8("n_transfer_syn");
            b.u8("reserved");
            SyntaxId abs = SyntaxId.read(b, "abstract_syntax");
            if (nt * SyntaxId.LENGTH > b.remaining()) {
                throw b.fail("n_transfer_syn", nt + " transfer syntaxes do not fit in " + b.remaining() + " bytes");
            }
            List<SyntaxId> ts = new ArrayList<>(nt);
            for (int k = 0; k < nt; k++) {
                ts.add(SyntaxId.read(b, "transfer_syntaxes"));
            }
            contexts.add(new PresentationContext(id, abs, ts));
        }
        return new RpcPdu.Bind(type, callId, flags, maxXmit, maxRecv, assoc, contexts, auth);
    }

    private static RpcPdu bindAck(WireReader b, PduType type, int callId, Set<PfcFlag> flags, AuthVerifier auth)
            throws DecodeException {
        int maxXmit = b.u16le("max_xmit_frag");
        int maxRecv = b.u16le("max_recv_frag");
        long assoc = b.u32le("assoc_group_id");
        int addrLen = b.u16le("sec_addr.length");
        String addr = b.latin1("sec_addr.port_spec", addrLen);
        if (addr.endsWith("\0")) {
            addr = addr.substring(0, addr.length() - 1);
        }
        // pad to a 4-byte boundary of the PDU (the body starts at 16)
        b.align("pad", 4);
        int n = b.u8("n_results");
        b.skip("reserved", 3);
        if (n * 24 > b.remaining()) {
            throw b.fail("n_results", n + " results do not fit in " + b.remaining() + " bytes");
        }
        List<ContextResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int result = b.u16le("result");
            int reason = b.u16le("reason");
            results.add(new ContextResult(result, reason, SyntaxId.read(b, "transfer_syntax")));
        }
        return new RpcPdu.BindAck(type, callId, flags, maxXmit, maxRecv, assoc, addr, results, auth);
    }

    private static RpcPdu bindNak(WireReader b, int callId, Set<PfcFlag> flags) throws DecodeException {
        int reason = b.u16le("provider_reject_reason");
        List<Integer> versions = new ArrayList<>();
        if (b.hasRemaining()) {
            int n = b.u8("n_protocols");
            if (n * 2 > b.remaining()) {
                throw b.fail("n_protocols", n + " versions do not fit in " + b.remaining() + " bytes");
            }
            for (int i = 0; i < n; i++) {
                versions.add(b.u8("major") << 8 | b.u8("minor"));
            }
        }
        return new RpcPdu.BindNak(callId, flags, reason, versions);
    }

    /** Encodes one PDU, computing frag_length and auth_length. */
    public static byte[] encode(RpcPdu pdu) {
        WireWriter w = new WireWriter(64);
        w.u8(5).u8(0).u8(pdu.type().value()).u8(PfcFlag.bits(pdu.flags()));
        w.u8(0x10).u8(0).u8(0).u8(0);
        w.u16le(0).u16le(0).u32le(pdu.callId() & 0xFFFFFFFFL);
        switch (pdu) {
            case RpcPdu.Bind p -> {
                w.u16le(p.maxXmitFrag()).u16le(p.maxRecvFrag()).u32le(p.assocGroup());
                w.u8(p.contexts().size()).zeros(3);
                for (PresentationContext c : p.contexts()) {
                    w.u16le(c.contextId()).u8(c.transferSyntaxes().size()).u8(0);
                    c.abstractSyntax().write(w);
                    c.transferSyntaxes().forEach(t -> t.write(w));
                }
            }
            case RpcPdu.BindAck p -> {
                w.u16le(p.maxXmitFrag()).u16le(p.maxRecvFrag()).u32le(p.assocGroup());
                String a = p.secondaryAddress();
                if (a.isEmpty()) {
                    w.u16le(0);
                } else {
                    w.u16le(a.length() + 1).latin1(a).u8(0);
                }
                w.align(4);
                w.u8(p.results().size()).zeros(3);
                for (ContextResult r : p.results()) {
                    w.u16le(r.result()).u16le(r.reason());
                    r.transferSyntax().write(w);
                }
            }
            case RpcPdu.BindNak p -> {
                w.u16le(p.rejectReason()).u8(p.versions().size());
                p.versions().forEach(v -> w.u8(v >>> 8).u8(v & 0xFF));
            }
            case RpcPdu.Request p -> {
                w.u32le(p.allocHint()).u16le(p.contextId()).u16le(p.opnum());
                if (p.object() != null) {
                    SyntaxId.writeUuid(w, p.object());
                }
                w.bytes(p.stub());
            }
            case RpcPdu.Response p -> w.u32le(p.allocHint()).u16le(p.contextId()).u8(p.cancelCount()).u8(0).bytes(p.stub());
            case RpcPdu.Fault p -> w.u32le(p.allocHint()).u16le(p.contextId()).u8(p.cancelCount()).u8(0)
                    .u32le(p.status().value()).u32le(0).bytes(p.stub());
            case RpcPdu.Other p -> w.bytes(p.body());
        }
        AuthVerifier auth = pdu.auth();
        if (auth != null) {
            w.zeros(auth.padLength());
            w.u8(auth.authType()).u8(auth.authLevel()).u8(auth.padLength()).u8(0).u32le(auth.contextId());
            w.bytes(auth.value());
            w.patchU16le(10, auth.value().length);
        }
        w.patchU16le(8, w.size());
        return w.toByteArray();
    }
}
