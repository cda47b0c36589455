package org.smbscope.server.ipc;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CloseResponse;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.FlushRequest;
import org.smbscope.codec.smb2.FlushResponse;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.smb2.WriteResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/**
 * The {@link TreeHandler} of an IPC$ tree connect ([MS-SMB2] 3.3.5.9 for named pipes): CREATE opens
 * {@code srvsvc} or {@code wkssvc} (any other name: STATUS_OBJECT_NAME_NOT_FOUND); WRITE and READ move
 * DCE/RPC PDUs (a reply longer than the READ gets STATUS_BUFFER_OVERFLOW and the rest on the next READ);
 * IOCTL FSCTL_PIPE_TRANSCEIVE writes and reads in one step; QUERY_INFO answers the standard and basic
 * file information a client asks of a pipe; CLOSE ends the open. Thread safe (one lock per tree).
 */
public final class IpcTreeHandler implements TreeHandler {
    private static final int FILE_BASIC_INFORMATION = 4;
    private static final int FILE_STANDARD_INFORMATION = 5;
    private static final int FILE_NETWORK_OPEN_INFORMATION = 34;
    private static final int MAX_OPENS = 256;

    private final ServerConfig config;
    private final Map<FileId, RpcPipe> opens = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public IpcTreeHandler(ServerConfig config) {
        this.config = config;
    }

    @Override
    public synchronized Outcome handle(RequestContext context, Smb2Request request) {
        return switch (request) {
            case CreateRequest c -> create(c);
            case CloseRequest c -> opens.remove(c.fileId()) == null ? err(NtStatus.FILE_CLOSED, c)
                    : Outcome.Done.ok(CloseResponse.empty());
            case FlushRequest f -> opens.containsKey(f.fileId()) ? Outcome.Done.ok(new FlushResponse())
                    : err(NtStatus.FILE_CLOSED, f);
            case WriteRequest w -> write(w);
            case ReadRequest r -> read(r);
            case IoctlRequest i -> ioctl(i);
            case QueryInfoRequest q -> queryInfo(q);
            default -> err(NtStatus.NOT_SUPPORTED, request);
        };
    }

    private static Outcome.Done err(NtStatus status, Smb2Request r) {
        return Outcome.Done.error(status, r.command());
    }

    private Outcome create(CreateRequest c) {
        String name = c.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("\\")) {
            name = name.substring(1);
        }
        if (name.startsWith("pipe\\")) {
            name = name.substring(5);
        }
        RpcInterface iface = switch (name) {
            case "srvsvc" -> new Srvsvc(config);
            case "wkssvc" -> new Wkssvc(config);
            default -> null;
        };
        if (iface == null) {
            return err(NtStatus.OBJECT_NAME_NOT_FOUND, c);
        }
        if (opens.size() >= MAX_OPENS) {
            return err(NtStatus.INSUFFICIENT_RESOURCES, c);
        }
        long n = nextId.getAndIncrement();
        FileId id = new FileId(n, n | 0x1000_0000_0000L);
        opens.put(id, new RpcPipe(name, iface, 0x12345 + n));
        return Outcome.Done.ok(new CreateResponse(OplockLevel.NONE, 0, CreateAction.OPENED, FileTime.ZERO, FileTime.ZERO,
                FileTime.ZERO, FileTime.ZERO, 4096, 0, Set.of(FileAttribute.NORMAL), id, java.util.List.of()));
    }

    private Outcome write(WriteRequest w) {
        RpcPipe p = opens.get(w.fileId());
        if (p == null) {
            return err(NtStatus.FILE_CLOSED, w);
        }
        ByteBuffer data = w.data().duplicate();
        byte[] b = new byte[data.remaining()];
        data.get(b);
        if (!p.write(b)) {
            return err(NtStatus.PIPE_BROKEN, w);
        }
        return Outcome.Done.ok(new WriteResponse(b.length, 0));
    }

    private Outcome read(ReadRequest r) {
        RpcPipe p = opens.get(r.fileId());
        if (p == null) {
            return err(NtStatus.FILE_CLOSED, r);
        }
        boolean[] overflow = new boolean[1];
        byte[] data = p.read(Math.max(0, r.length()), overflow);
        if (data == null) {
            return err(NtStatus.PIPE_EMPTY, r);
        }
        return new Outcome.Done(overflow[0] ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS, ReadResponse.of(data));
    }

    private Outcome ioctl(IoctlRequest i) {
        if (!i.ctlCode().equals(CtlCode.FSCTL_PIPE_TRANSCEIVE)) {
            return err(NtStatus.NOT_SUPPORTED, i);
        }
        RpcPipe p = opens.get(i.fileId());
        if (p == null) {
            return err(NtStatus.FILE_CLOSED, i);
        }
        if (!p.write(i.input())) {
            return err(NtStatus.PIPE_BROKEN, i);
        }
        boolean[] overflow = new boolean[1];
        byte[] out = p.read(Math.max(0, i.maxOutputResponse()), overflow);
        if (out == null) {
            out = new byte[0];
        }
        return new Outcome.Done(overflow[0] ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS,
                new IoctlResponse(i.ctlCode(), i.fileId(), new byte[0], out, 0));
    }

    private Outcome queryInfo(QueryInfoRequest q) {
        if (!opens.containsKey(q.fileId())) {
            return err(NtStatus.FILE_CLOSED, q);
        }
        if (!q.infoType().equals(InfoType.FILE)) {
            return err(NtStatus.NOT_SUPPORTED, q);
        }
        WireWriter w = new WireWriter();
        switch (q.infoClass()) {
            case FILE_STANDARD_INFORMATION -> w.u64le(4096).u64le(0).u32le(1).u8(1).u8(0).u16le(0);
            case FILE_BASIC_INFORMATION -> w.u64le(0).u64le(0).u64le(0).u64le(0).u32le(0x80).u32le(0);
            case FILE_NETWORK_OPEN_INFORMATION -> w.u64le(0).u64le(0).u64le(0).u64le(0).u64le(4096).u64le(0)
                    .u32le(0x80).u32le(0);
            default -> {
                return err(NtStatus.INVALID_INFO_CLASS, q);
            }
        }
        byte[] out = w.toByteArray();
        if (out.length > q.outputBufferLength()) {
            return err(NtStatus.INFO_LENGTH_MISMATCH, q);
        }
        return Outcome.Done.ok(new QueryInfoResponse(out));
    }

    @Override
    public synchronized void close() {
        opens.clear();
    }
}
