package org.smbscope.codec.dcerpc;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/**
 * A connection-oriented DCE/RPC PDU ([C706] 12.6, [MS-RPCE] 2.2.2). The common header
 * (version 5.0, type, flags, data representation little-endian/ASCII/IEEE, frag_length,
 * auth_length, call_id) is rebuilt by {@link RpcPduCodec}; records keep what varies.
 * {@code auth} is null for unauthenticated PDUs.
 */
public sealed interface RpcPdu extends Described {
    PduType type();

    int callId();

    Set<PfcFlag> flags();

    AuthVerifier auth();

    private static Detail header(RpcPdu p) {
        return Detail.of("Distributed Computing Environment / Remote Procedure Call (DCE/RPC) " + p.type().name()
                        + ", call_id: " + p.callId())
                .field("Version", "5").field("Version (minor)", "0").field("Packet type", p.type())
                .field("Packet Flags", p.flags()).field("Call ID", p.callId());
    }

    /** BIND (11) and ALTER_CONTEXT (14): proposes presentation contexts. */
    record Bind(PduType type, int callId, Set<PfcFlag> flags, int maxXmitFrag, int maxRecvFrag, long assocGroup,
                List<PresentationContext> contexts, AuthVerifier auth) implements RpcPdu {
        public Bind {
            flags = Set.copyOf(flags);
            contexts = List.copyOf(contexts);
        }

        public static Bind of(int callId, int maxFrag, PresentationContext... contexts) {
            return new Bind(PduType.BIND, callId, PfcFlag.single(), maxFrag, maxFrag, 0, List.of(contexts), null);
        }

        @Override
        public Detail detail() {
            Detail d = header(this).field("Max Xmit Frag", maxXmitFrag).field("Max Recv Frag", maxRecvFrag)
                    .field("Assoc Group", String.format("0x%08x", assocGroup)).field("Num Ctx Items", contexts.size());
            for (PresentationContext c : contexts) {
                Detail cd = Detail.of("Ctx Item[" + c.contextId() + "]").field("Context ID", c.contextId())
                        .field("Abstract Syntax", c.abstractSyntax());
                for (SyntaxId t : c.transferSyntaxes()) {
                    cd.field("Transfer Syntax", t);
                }
                d.child(cd);
            }
            return d;
        }
    }

    /** BIND_ACK (12) and ALTER_CONTEXT_RESP (15). */
    record BindAck(PduType type, int callId, Set<PfcFlag> flags, int maxXmitFrag, int maxRecvFrag, long assocGroup,
                   String secondaryAddress, List<ContextResult> results, AuthVerifier auth) implements RpcPdu {
        public BindAck {
            flags = Set.copyOf(flags);
            results = List.copyOf(results);
        }

        @Override
        public Detail detail() {
            Detail d = header(this).field("Max Xmit Frag", maxXmitFrag).field("Max Recv Frag", maxRecvFrag)
                    .field("Assoc Group", String.format("0x%08x", assocGroup))
                    .field("Scndry Addr", secondaryAddress).field("Num results", results.size());
            for (ContextResult r : results) {
                Detail rd = Detail.of("Ctx Item").field("Ack result", r.resultName());
                if (!r.accepted()) {
                    rd.field("Ack reason", r.reasonName());
                }
                d.child(rd.field("Transfer Syntax", r.transferSyntax()));
            }
            return d;
        }
    }

    /** BIND_NAK (13). */
    record BindNak(int callId, Set<PfcFlag> flags, int rejectReason, List<Integer> versions) implements RpcPdu {
        public BindNak {
            flags = Set.copyOf(flags);
            versions = List.copyOf(versions);
        }

        @Override
        public PduType type() {
            return PduType.BIND_NAK;
        }

        @Override
        public AuthVerifier auth() {
            return null;
        }

        public String reasonName() {
            return switch (rejectReason) {
                case 0 -> "Reason not specified";
                case 1 -> "Temporary congestion";
                case 2 -> "Local limit exceeded";
                case 3 -> "Called paddr unknown";
                case 4 -> "Protocol version not supported";
                case 5 -> "Default context not supported";
                case 6 -> "User data not readable";
                case 7 -> "No PSAP available";
                case 8 -> "Authentication type not recognized";
                case 9 -> "Invalid checksum";
                default -> "UNKNOWN(" + rejectReason + ")";
            };
        }

        @Override
        public Detail detail() {
            return header(this).field("Reject reason", reasonName() + " (" + rejectReason + ")");
        }
    }

    /** REQUEST (0): one fragment of a call; {@code object} is null unless PFC_OBJECT_UUID. */
    record Request(int callId, Set<PfcFlag> flags, long allocHint, int contextId, int opnum, UUID object, byte[] stub,
                   AuthVerifier auth) implements RpcPdu {
        public Request {
            flags = Set.copyOf(flags);
            stub = stub.clone();
        }

        public static Request of(int callId, int contextId, int opnum, byte[] stub) {
            return new Request(callId, PfcFlag.single(), stub.length, contextId, opnum, null, stub, null);
        }

        @Override
        public PduType type() {
            return PduType.REQUEST;
        }

        @Override
        public byte[] stub() {
            return stub.clone();
        }

        @Override
        public Detail detail() {
            return header(this).field("Alloc hint", allocHint).field("Context ID", contextId).field("Opnum", opnum)
                    .field("Stub data", stub.length + " bytes");
        }
    }

    /** RESPONSE (2): one fragment of a call's result. */
    record Response(int callId, Set<PfcFlag> flags, long allocHint, int contextId, int cancelCount, byte[] stub,
                    AuthVerifier auth) implements RpcPdu {
        public Response {
            flags = Set.copyOf(flags);
            stub = stub.clone();
        }

        public static Response of(int callId, int contextId, byte[] stub) {
            return new Response(callId, PfcFlag.single(), stub.length, contextId, 0, stub, null);
        }

        @Override
        public PduType type() {
            return PduType.RESPONSE;
        }

        @Override
        public byte[] stub() {
            return stub.clone();
        }

        @Override
        public Detail detail() {
            return header(this).field("Alloc hint", allocHint).field("Context ID", contextId)
                    .field("Cancel count", cancelCount).field("Stub data", stub.length + " bytes");
        }
    }

    /** FAULT (3): the call failed with {@code status}. */
    record Fault(int callId, Set<PfcFlag> flags, long allocHint, int contextId, int cancelCount, FaultStatus status,
                 byte[] stub, AuthVerifier auth) implements RpcPdu {
        public Fault {
            flags = Set.copyOf(flags);
            stub = stub.clone();
        }

        public static Fault of(int callId, int contextId, FaultStatus status) {
            return new Fault(callId, PfcFlag.of(0x23), 0, contextId, 0, status, new byte[0], null);
        }

        @Override
        public PduType type() {
            return PduType.FAULT;
        }

        @Override
        public byte[] stub() {
            return stub.clone();
        }

        @Override
        public Detail detail() {
            return header(this).field("Context ID", contextId).field("Status", status);
        }
    }

    /** Any other PDU type (AUTH3, shutdown, cancel, orphaned, unknown), body kept raw. */
    record Other(PduType type, int callId, Set<PfcFlag> flags, byte[] body, AuthVerifier auth) implements RpcPdu {
        public Other {
            flags = Set.copyOf(flags);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public Detail detail() {
            return header(this).field("Body", Hex.format(body));
        }
    }
}
