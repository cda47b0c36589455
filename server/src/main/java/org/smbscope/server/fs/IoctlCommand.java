package org.smbscope.server.fs;

import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;

/**
 * IOCTL on a disk share, [MS-SMB2] 3.3.5.15: no reparse points (STATUS_NOT_A_REPARSE_POINT), no previous
 * versions (FSCTL_SRV_ENUMERATE_SNAPSHOTS answers an empty SRV_SNAPSHOT_ARRAY, 2.2.32.2), the network
 * interface query belongs to the dispatcher; everything else is STATUS_INVALID_DEVICE_REQUEST.
 */
final class IoctlCommand {
    static final int FSCTL_GET_COMPRESSION = 0x9003C;
    static final int FSCTL_SET_SPARSE = 0x900C4;
    static final int FSCTL_QUERY_ALLOCATED_RANGES = 0x940CF;
    static final int FSCTL_SET_ZERO_DATA = 0x980C8;
    static final int FSCTL_CREATE_OR_GET_OBJECT_ID = 0x900C0;
    static final int FSCTL_GET_OBJECT_ID = 0x9009C;
    static final int FSCTL_SET_COMPRESSION = 0x9C040;

    private final Share share;
    private final ServerSideCopy copy;

    /** FSCTL_SET_SPARSE, FSCTL_QUERY_ALLOCATED_RANGES and FSCTL_SET_ZERO_DATA ({@link SparseFiles}). */
    private org.smbscope.server.tree.Outcome.Done sparse(IoctlRequest r, Open o) throws Failure {
        int code = r.ctlCode().value();
        byte[] in = r.input();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(in).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (o.directory) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        SparseFiles sparse = share.files.sparse;
        try {
            if (code == FSCTL_SET_SPARSE) {
                if (share.readOnly || (o.granted & (Access.WRITE_DATA | Access.WRITE_ATTRIBUTES | Access.APPEND_DATA)) == 0) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                boolean on = in.length == 0 || in[0] != 0;
                sparse.set(o.state.key, on, java.nio.file.Files.size(o.path()));
                return done(new IoctlResponse(r.ctlCode(), o.fileId(), new byte[0], new byte[0], 0));
            }
            if (code == FSCTL_SET_ZERO_DATA) {
                if (in.length < 16) {
                    throw new Failure(NtStatus.INVALID_PARAMETER);
                }
                if (share.readOnly || !o.has(Access.WRITE_DATA) || o.channel == null) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                long from = b.getLong(0);
                long beyond = b.getLong(8);
                if (from < 0 || beyond < 0 || from > beyond) {
                    throw new Failure(NtStatus.INVALID_PARAMETER);
                }
                long size = o.channel.size();
                long end = Math.min(beyond, size);
                if (from < end) {
                    if (!o.state.locks.canWrite(o, from, end - from)) {
                        throw new Failure(NtStatus.FILE_LOCK_CONFLICT);
                    }
                    java.nio.ByteBuffer zeros = java.nio.ByteBuffer.allocate((int) Math.min(end - from, 1 << 20));
                    for (long at = from; at < end;) {
                        zeros.clear().limit((int) Math.min(zeros.capacity(), end - at));
                        at += o.channel.write(zeros, at);
                    }
                }
                sparse.zeroed(o.state.key, from, beyond, size);
                return done(new IoctlResponse(r.ctlCode(), o.fileId(), new byte[0], new byte[0], 0));
            }
            // FSCTL_QUERY_ALLOCATED_RANGES: FILE_ALLOCATED_RANGE_BUFFER in, an array of them out
            if (in.length < 16) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            if (!Access.readsData(o.granted) || o.channel == null) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            long offset = b.getLong(0);
            long length = b.getLong(8);
            if (offset < 0 || length < 0) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            java.util.List<long[]> ranges = sparse.allocated(o.state.key, offset, length, o.channel.size());
            int fit = Math.min(ranges.size(), Math.max(0, r.maxOutputResponse()) / 16);
            if (fit == 0 && !ranges.isEmpty()) {
                throw new Failure(NtStatus.BUFFER_TOO_SMALL);
            }
            WireWriter w = new WireWriter();
            for (int i = 0; i < fit; i++) {
                w.u64le(ranges.get(i)[0]).u64le(ranges.get(i)[1]);
            }
            IoctlResponse out = new IoctlResponse(r.ctlCode(), o.fileId(), new byte[0], w.toByteArray(), 0);
            return fit < ranges.size() ? new org.smbscope.server.tree.Outcome.Done(NtStatus.BUFFER_OVERFLOW, out)
                    : done(out);
        } catch (java.io.IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }


    IoctlCommand(Share share) {
        this.share = share;
        this.copy = new ServerSideCopy(share);
    }

    org.smbscope.server.tree.Outcome.Done ioctl(org.smbscope.server.tree.RequestContext ctx, IoctlRequest r)
            throws Failure {
        if (r.ctlCode().equals(CtlCode.FSCTL_SRV_COPYCHUNK) || r.ctlCode().equals(CtlCode.FSCTL_SRV_COPYCHUNK_WRITE)) {
            if ((r.flags() & IoctlRequest.IS_FSCTL) == 0) {
                throw new Failure(NtStatus.NOT_SUPPORTED);
            }
            return copy.copy(r, share.open(r.fileId()));
        }
        int v = r.ctlCode().value();
        if ((v == FSCTL_SET_SPARSE || v == FSCTL_QUERY_ALLOCATED_RANGES || v == FSCTL_SET_ZERO_DATA)
                && (r.flags() & IoctlRequest.IS_FSCTL) != 0) {
            return sparse(r, share.open(r.fileId()));
        }
        return org.smbscope.server.tree.Outcome.Done.ok(fsctl(ctx, r));
    }

    private static org.smbscope.server.tree.Outcome.Done done(IoctlResponse r) {
        return org.smbscope.server.tree.Outcome.Done.ok(r);
    }

    private IoctlResponse fsctl(org.smbscope.server.tree.RequestContext ctx, IoctlRequest r) throws Failure {
        if ((r.flags() & IoctlRequest.IS_FSCTL) == 0) {
            throw new Failure(NtStatus.NOT_SUPPORTED);
        }
        CtlCode code = r.ctlCode();
        if (code.equals(CtlCode.FSCTL_QUERY_NETWORK_INTERFACE_INFO)
                || code.equals(CtlCode.FSCTL_VALIDATE_NEGOTIATE_INFO)) {
            throw new Failure(NtStatus.NOT_SUPPORTED);
        }
        Open o = share.open(r.fileId());
        if (code.equals(CtlCode.FSCTL_LMR_REQUEST_RESILIENCY)) {
            // 3.3.5.15.9: NETWORK_RESILIENCY_REQUEST (Timeout, Reserved); the open keeps its lock sequences
            if (ctx.dialect().equals(org.smbscope.codec.smb2.Smb2Dialect.SMB_2_0_2)) {
                throw new Failure(NtStatus.INVALID_DEVICE_REQUEST);
            }
            if (r.input().length < 8) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            o.resilient = true;
            return new IoctlResponse(code, o.fileId(), new byte[0], new byte[0], 0);
        }
        if (code.value() == FSCTL_CREATE_OR_GET_OBJECT_ID || code.value() == FSCTL_GET_OBJECT_ID) {
            // [MS-FSCC] 2.1.3.1 FILE_OBJECTID_BUFFER: an object id made of the file's index number
            if (r.maxOutputResponse() < 64) {
                throw new Failure(NtStatus.BUFFER_TOO_SMALL);
            }
            FileFacts f = share.facts(o.path());
            WireWriter w = new WireWriter();
            w.u64le(f.indexNumber()).u64le(0x736d6273636f7065L).u32le(share.paths.root().toString().hashCode())
                    .zeros(12).u64le(f.indexNumber()).u64le(0x736d6273636f7065L).zeros(16);
            return new IoctlResponse(code, o.fileId(), new byte[0], w.toByteArray(), 0);
        }
        if (code.value() == FSCTL_GET_COMPRESSION) {
            // COMPRESSION_FORMAT_NONE: nothing here is compressed
            if (r.maxOutputResponse() < 2) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            return new IoctlResponse(code, o.fileId(), new byte[0], new byte[2], 0);
        }
        if (code.value() == FSCTL_SET_COMPRESSION) {
            byte[] in = r.input();
            if (in.length < 2) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            if (in[0] != 0 || in[1] != 0) {
                throw new Failure(NtStatus.NOT_SUPPORTED);
            }
            return new IoctlResponse(code, o.fileId(), new byte[0], new byte[0], 0);
        }
        if (code.equals(CtlCode.FSCTL_SRV_REQUEST_RESUME_KEY)) {
            return copy.resumeKey(r, o);
        }
        if (code.equals(CtlCode.FSCTL_GET_REPARSE_POINT)) {
            throw new Failure(NtStatus.NOT_A_REPARSE_POINT);
        }
        if (code.equals(CtlCode.FSCTL_SRV_ENUMERATE_SNAPSHOTS)) {
            if (r.maxOutputResponse() < 16) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            WireWriter w = new WireWriter();
            w.u32le(0).u32le(0).u32le(2).u16le(0);
            return new IoctlResponse(code, o.fileId(), new byte[0], w.toByteArray(), 0);
        }
        throw new Failure(NtStatus.INVALID_DEVICE_REQUEST);
    }
}
