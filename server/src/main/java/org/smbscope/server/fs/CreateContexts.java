package org.smbscope.server.fs;

import java.util.List;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;

/**
 * The durable-handle and lease create contexts of one CREATE, checked as [MS-SMB2] 3.3.5.9 requires:
 * 2.2.13.2.3 DHnQ (16 reserved bytes), 2.2.13.2.4 DHnC (a FileId), 2.2.13.2.11 DH2Q (Timeout, Flags,
 * reserved, CreateGuid), 2.2.13.2.12 DH2C (FileId, CreateGuid, Flags), 2.2.13.2.8 RqLs v1 (32 bytes) and
 * 2.2.13.2.10 RqLs v2 (52 bytes); and their responses 2.2.14.2.3, 2.2.14.2.12 and 2.2.14.2.10.
 *
 * @param v1        a DHnQ asks for a durable open (ignored when a reconnect or DH2Q is present)
 * @param v2        a DH2Q asks for a durable v2 open, or null
 * @param reconnect a DHnC or DH2C names a disconnected durable open, or null
 * @param lease     the RqLs request, or null
 */
record CreateContexts(boolean v1, V2 v2, Reconnect reconnect, LeaseRequest lease) {
    /** DH2Q: {@code timeoutMillis} 0 means "the server's default"; {@code persistent} the flag bit. */
    record V2(long timeoutMillis, boolean persistent, Guid createGuid) {
    }

    /** DHnC ({@code createGuid} null) or DH2C. */
    record Reconnect(FileId fileId, Guid createGuid, boolean persistent) {
        boolean isV2() {
            return createGuid != null;
        }
    }

    static final int PERSISTENT = 0x2;

    /** The contexts of {@code contexts}; STATUS_INVALID_PARAMETER for a malformed one or a forbidden mix. */
    static CreateContexts of(List<CreateContext> contexts) throws Failure {
        CreateContext dhnq = find(contexts, CreateContext.DURABLE_HANDLE_REQUEST);
        CreateContext dhnc = find(contexts, CreateContext.DURABLE_HANDLE_RECONNECT);
        CreateContext dh2q = find(contexts, CreateContext.DURABLE_HANDLE_REQUEST_V2);
        CreateContext dh2c = find(contexts, CreateContext.DURABLE_HANDLE_RECONNECT_V2);
        CreateContext rqls = find(contexts, CreateContext.REQUEST_LEASE);
        // 3.3.5.9.10 / 3.3.5.9.12: a v2 context with any other durable context is invalid
        if (dh2q != null && (dhnq != null || dhnc != null || dh2c != null)
                || dh2c != null && (dhnq != null || dhnc != null)) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        V2 v2 = null;
        if (dh2q != null) {
            byte[] d = dh2q.data();
            if (d.length != 32) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            v2 = new V2(u32(d, 0), (u32(d, 4) & PERSISTENT) != 0, Guid.fromWire(java.util.Arrays.copyOfRange(d, 16, 32)));
        }
        Reconnect reconnect = null;
        if (dhnc != null) {
            byte[] d = dhnc.data();
            if (d.length != 16) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            reconnect = new Reconnect(new FileId(u64(d, 0), u64(d, 8)), null, false);
        } else if (dh2c != null) {
            byte[] d = dh2c.data();
            if (d.length != 36) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            reconnect = new Reconnect(new FileId(u64(d, 0), u64(d, 8)),
                    Guid.fromWire(java.util.Arrays.copyOfRange(d, 16, 32)), (u32(d, 32) & PERSISTENT) != 0);
        }
        if (dhnq != null && dhnq.data().length != 16) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        LeaseRequest lease = rqls == null ? null : LeaseRequest.parse(rqls.data());
        return new CreateContexts(dhnq != null && reconnect == null && v2 == null, v2, reconnect, lease);
    }

    private static CreateContext find(List<CreateContext> contexts, String name) {
        for (CreateContext c : contexts) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** 2.2.14.2.3 SMB2_CREATE_DURABLE_HANDLE_RESPONSE: 8 reserved bytes. */
    static CreateContext durableResponse() {
        return new CreateContext(CreateContext.DURABLE_HANDLE_REQUEST, new byte[8]);
    }

    /** 2.2.14.2.12 SMB2_CREATE_DURABLE_HANDLE_RESPONSE_V2: Timeout and Flags. */
    static CreateContext durableV2Response(long timeoutMillis, boolean persistent) {
        WireWriter w = new WireWriter();
        w.u32le(timeoutMillis).u32le(persistent ? PERSISTENT : 0);
        return new CreateContext(CreateContext.DURABLE_HANDLE_REQUEST_V2, w.toByteArray());
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
