package org.smbscope.server.ipc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.smbscope.codec.dcerpc.ContextResult;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.FaultStatus;
import org.smbscope.codec.dcerpc.PduType;
import org.smbscope.codec.dcerpc.PfcFlag;
import org.smbscope.codec.dcerpc.PresentationContext;
import org.smbscope.codec.dcerpc.RpcPdu;
import org.smbscope.codec.dcerpc.RpcPduCodec;
import org.smbscope.codec.dcerpc.RpcReassembler;
import org.smbscope.codec.dcerpc.SyntaxId;

/**
 * The server end of one named pipe open: bytes written by the client are cut into DCE/RPC PDUs
 * ([C706] 12.6), BIND / ALTER_CONTEXT get their acks (NDR accepted, NDR64 refused, bind time feature
 * negotiation acknowledged), REQUEST fragments are reassembled and answered by the {@link RpcInterface}
 * (a RESPONSE cut to the client's max receive fragment, or a FAULT). Replies wait as messages for READ
 * or the TRANSCEIVE that asked. Guarded by the handler's lock.
 */
final class RpcPipe {
    private static final int MAX_INPUT = 1 << 20;
    private static final int MAX_FRAG = 4280;
    private static final UUID BIND_TIME_FEATURES_PREFIX = UUID.fromString("6cb71c2c-9812-4540-0000-000000000000");

    private final String name;
    private final RpcInterface iface;
    private final long assocGroup;
    private final Set<Integer> contexts = new HashSet<>();
    private final Deque<byte[]> replies = new ArrayDeque<>();
    private final RpcReassembler reassembler = new RpcReassembler(MAX_INPUT);
    private byte[] pending = new byte[0];
    private int maxRecvFrag = MAX_FRAG;

    RpcPipe(String name, RpcInterface iface, long assocGroup) {
        this.name = name;
        this.iface = iface;
        this.assocGroup = assocGroup;
    }

    String name() {
        return name;
    }

    /** Takes client bytes; false if they are not DCE/RPC (the pipe is then broken). */
    boolean write(byte[] data) {
        if (pending.length + data.length > MAX_INPUT) {
            return false;
        }
        byte[] buf = Arrays.copyOf(pending, pending.length + data.length);
        System.arraycopy(data, 0, buf, pending.length, data.length);
        int at = 0;
        while (buf.length - at >= RpcPduCodec.HEADER_LENGTH) {
            int len = RpcPduCodec.fragmentLength(buf, at, buf.length - at);
            if (len < RpcPduCodec.HEADER_LENGTH) {
                return false;
            }
            if (buf.length - at < len) {
                break;
            }
            try {
                onPdu(RpcPduCodec.decode(buf, at, len));
            } catch (DcerpcDecodeException e) {
                return false;
            }
            at += len;
        }
        pending = Arrays.copyOfRange(buf, at, buf.length);
        return true;
    }

    boolean hasReply() {
        return !replies.isEmpty();
    }

    /** The next reply message, at most {@code max} bytes of it; the rest stays first in line. Null if none. */
    byte[] read(int max, boolean[] overflow) {
        byte[] m = replies.poll();
        if (m == null) {
            return null;
        }
        if (m.length > max) {
            replies.addFirst(Arrays.copyOfRange(m, max, m.length));
            overflow[0] = true;
            return Arrays.copyOf(m, max);
        }
        overflow[0] = false;
        return m;
    }

    private void onPdu(RpcPdu pdu) throws DcerpcDecodeException {
        switch (pdu) {
            case RpcPdu.Bind b -> bind(b);
            case RpcPdu.Request r -> {
                var whole = reassembler.add(r);
                if (whole.isPresent()) {
                    call((RpcPdu.Request) whole.get());
                }
            }
            default -> replies.add(RpcPduCodec.encode(RpcPdu.Fault.of(pdu.callId(), 0, FaultStatus.PROTO_ERROR)));
        }
    }

    private void bind(RpcPdu.Bind b) {
        maxRecvFrag = Math.max(RpcPduCodec.HEADER_LENGTH + 8 + 64, Math.min(MAX_FRAG, b.maxRecvFrag()));
        List<ContextResult> results = new ArrayList<>();
        for (PresentationContext c : b.contexts()) {
            results.add(result(c));
        }
        boolean alter = b.type().equals(PduType.ALTER_CONTEXT);
        RpcPdu.BindAck ack = new RpcPdu.BindAck(alter ? PduType.ALTER_CONTEXT_RESP : PduType.BIND_ACK, b.callId(),
                PfcFlag.single(), MAX_FRAG, MAX_FRAG, b.assocGroup() != 0 ? b.assocGroup() : assocGroup,
                alter ? "" : "\\PIPE\\" + name, results, null);
        replies.add(RpcPduCodec.encode(ack));
    }

    private ContextResult result(PresentationContext c) {
        for (SyntaxId t : c.transferSyntaxes()) {
            if (t.uuid().getMostSignificantBits() == BIND_TIME_FEATURES_PREFIX.getMostSignificantBits()
                    && (t.uuid().getLeastSignificantBits() >>> 48) == 0x4540) {
                // [MS-RPCE] 3.3.1.5.3: acknowledge, supporting no optional feature
                return new ContextResult(ContextResult.NEGOTIATE_ACK, 0, new SyntaxId(new UUID(0, 0), 0, 0));
            }
        }
        if (!c.abstractSyntax().equals(iface.syntax())) {
            return new ContextResult(ContextResult.PROVIDER_REJECTION, 1, new SyntaxId(new UUID(0, 0), 0, 0));
        }
        if (c.transferSyntaxes().contains(SyntaxId.NDR)) {
            contexts.add(c.contextId());
            return new ContextResult(ContextResult.ACCEPTANCE, 0, SyntaxId.NDR);
        }
        return new ContextResult(ContextResult.PROVIDER_REJECTION, 2, new SyntaxId(new UUID(0, 0), 0, 0));
    }

    private void call(RpcPdu.Request r) {
        if (!contexts.contains(r.contextId())) {
            replies.add(RpcPduCodec.encode(RpcPdu.Fault.of(r.callId(), r.contextId(), FaultStatus.UNKNOWN_IF)));
            return;
        }
        byte[] out;
        try {
            out = iface.call(r.opnum(), r.stub());
        } catch (RpcInterface.UnknownOpnum e) {
            replies.add(RpcPduCodec.encode(RpcPdu.Fault.of(r.callId(), r.contextId(), FaultStatus.OP_RNG_ERROR)));
            return;
        } catch (DcerpcDecodeException e) {
            replies.add(RpcPduCodec.encode(RpcPdu.Fault.of(r.callId(), r.contextId(), FaultStatus.NDR)));
            return;
        }
        int room = maxRecvFrag - RpcPduCodec.HEADER_LENGTH - 8;
        room -= room % 8;
        int at = 0;
        do {
            int n = Math.min(room, out.length - at);
            EnumSet<PfcFlag> flags = EnumSet.noneOf(PfcFlag.class);
            if (at == 0) {
                flags.add(PfcFlag.FIRST_FRAG);
            }
            if (at + n == out.length) {
                flags.add(PfcFlag.LAST_FRAG);
            }
            replies.add(RpcPduCodec.encode(new RpcPdu.Response(r.callId(), flags, out.length - at, r.contextId(), 0,
                    Arrays.copyOfRange(out, at, at + n), null)));
            at += n;
        } while (at < out.length);
    }
}
