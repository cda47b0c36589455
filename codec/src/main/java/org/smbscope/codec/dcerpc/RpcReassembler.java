package org.smbscope.codec.dcerpc;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Joins the fragments of one REQUEST or RESPONSE call ([C706] 12.6.4.3 fragmentation): the first
 * fragment has PFC_FIRST_FRAG, the last PFC_LAST_FRAG, all share type and call_id; the joined
 * stub is bounded by {@code maxStub}. One instance per direction of a connection; not
 * thread-safe.
 */
public final class RpcReassembler {
    private final int maxStub;
    private ByteArrayOutputStream stub;
    private RpcPdu first;

    public RpcReassembler(int maxStub) {
        if (maxStub <= 0) {
            throw new IllegalArgumentException("maxStub must be positive");
        }
        this.maxStub = maxStub;
    }

    /**
     * Adds a fragment; returns the whole call (a Request or Response with the joined stub and the
     * first fragment's fields and FIRST+LAST flags) when the last fragment arrives.
     */
    public Optional<RpcPdu> add(RpcPdu fragment) throws DcerpcDecodeException {
        byte[] part = switch (fragment) {
            case RpcPdu.Request q -> q.stub();
            case RpcPdu.Response s -> s.stub();
            default -> null;
        };
        if (part == null) {
            if (first != null) {
                throw new DcerpcDecodeException("PTYPE", 2, fragment.type().name() + " inside a fragmented call " + first.callId());
            }
            return Optional.of(fragment);
        }
        boolean isFirst = fragment.flags().contains(PfcFlag.FIRST_FRAG);
        boolean isLast = fragment.flags().contains(PfcFlag.LAST_FRAG);
        if (first == null) {
            if (!isFirst) {
                throw new DcerpcDecodeException("pfc_flags", 3, "fragment of call " + fragment.callId() + " without a first fragment");
            }
            if (isLast) {
                return Optional.of(fragment);
            }
            first = fragment;
            stub = new ByteArrayOutputStream();
        } else {
            if (isFirst) {
                throw new DcerpcDecodeException("pfc_flags", 3, "second first fragment for call " + first.callId());
            }
            if (fragment.callId() != first.callId() || !fragment.type().equals(first.type())) {
                throw new DcerpcDecodeException("call_id", 12, "fragment of call " + fragment.callId()
                        + " while call " + first.callId() + " is incomplete");
            }
        }
        if ((long) stub.size() + part.length > maxStub) {
            reset();
            throw new DcerpcDecodeException("stub", 24, "fragmented call exceeds the " + maxStub + "-byte limit");
        }
        stub.write(part, 0, part.length);
        if (!isLast) {
            return Optional.empty();
        }
        RpcPdu whole = switch (first) {
            case RpcPdu.Request q -> new RpcPdu.Request(q.callId(), PfcFlag.single(), stub.size(), q.contextId(), q.opnum(),
                    q.object(), stub.toByteArray(), null);
            case RpcPdu.Response s -> new RpcPdu.Response(s.callId(), PfcFlag.single(), stub.size(), s.contextId(),
                    s.cancelCount(), stub.toByteArray(), null);
            default -> throw new IllegalStateException();
        };
        reset();
        return Optional.of(whole);
    }

    /** True while a call is partly received. */
    public boolean inProgress() {
        return first != null;
    }

    private void reset() {
        first = null;
        stub = null;
    }

    /** Splits a stub into fragments whose PDUs fit {@code maxFrag} bytes (request header 24 bytes). */
    public static java.util.List<RpcPdu.Request> fragmentRequest(int callId, int contextId, int opnum, byte[] stub, int maxFrag) {
        int room = maxFrag - 24;
        if (room < 8) {
            throw new IllegalArgumentException("max fragment " + maxFrag + " too small");
        }
        room &= ~7; // keep fragments 8-aligned for NDR
        java.util.List<RpcPdu.Request> out = new java.util.ArrayList<>();
        int pos = 0;
        do {
            int n = Math.min(room, stub.length - pos);
            Set<PfcFlag> f = java.util.EnumSet.noneOf(PfcFlag.class);
            if (pos == 0) {
                f.add(PfcFlag.FIRST_FRAG);
            }
            if (pos + n == stub.length) {
                f.add(PfcFlag.LAST_FRAG);
            }
            out.add(new RpcPdu.Request(callId, f, stub.length - pos, contextId, opnum, null,
                    java.util.Arrays.copyOfRange(stub, pos, pos + n), null));
            pos += n;
        } while (pos < stub.length);
        return out;
    }
}
