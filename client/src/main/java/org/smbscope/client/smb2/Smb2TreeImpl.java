package org.smbscope.client.smb2;

import org.smbscope.codec.fscc.FileInformation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.smbscope.client.FileEntry;
import org.smbscope.client.FsSize;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbTree;
import org.smbscope.client.WireTap;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.fscc.FsccDecodeException;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.EchoRequest;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.TreeDisconnectRequest;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.smb2.WriteResponse;
import org.smbscope.codec.status.NtStatus;

/**
 * A connected share: create/close, pipelined multi-credit read and write, query directory until
 * NO_MORE_FILES, query/set info, and the path operations built on them ([MS-SMB2] 3.2.4).
 */
final class Smb2TreeImpl implements SmbTree {
    /** A transfer this large warms the session's crypto up first ({@link SessionSecurity#warmUp}). */
    static final long BULK = 16L << 20;
    /** What sealing adds to a message: the transform header ([MS-SMB2] 2.2.41) and room for the tag. */
    private static final int SEAL_ROOM = org.smbscope.codec.crypto.Smb3Transform.HEADER_LENGTH
            + org.smbscope.codec.crypto.Smb3Cipher.TAG_LENGTH;
    private static final int FILE_FS_FULL_SIZE_INFORMATION = 7;
    private final Smb2SessionImpl session;
    private final String share;
    final int treeId;

    Smb2TreeImpl(Smb2SessionImpl session, String share, int treeId) {
        this.session = session;
        this.share = share;
        this.treeId = treeId;
    }

    @Override
    public String share() {
        return share;
    }

    Incoming call(Smb2Request body) throws IOException {
        return session.call(body, treeId);
    }

    private Smb2Connection connection() {
        return session.owner.connection;
    }

    static String smbPath(String path) {
        String p = path.replace('/', '\\');
        while (p.startsWith("\\")) {
            p = p.substring(1);
        }
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    CreateResponse open(String path, int access, CreateDisposition disposition, int options, String what) throws IOException {
        CreateRequest req = new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION, new AccessMask(access),
                Set.of(), new ShareAccess(ShareAccess.READ.value() | ShareAccess.WRITE.value() | ShareAccess.DELETE.value()),
                disposition, new CreateOptions(options), smbPath(path), List.of());
        return (CreateResponse) Smb2Errors.expect(call(req), what + " \\" + smbPath(path)).message();
    }

    void close(FileId id) throws IOException {
        Smb2Errors.expect(call(new CloseRequest(0, id)), "closing");
    }

    private static Instant time(FileTime t) {
        return t == null || t.isZero() ? Instant.EPOCH : t.toInstant();
    }

    @Override
    public List<FileEntry> list(String directory, String pattern) throws IOException {
        CreateResponse dir = open(directory, AccessMask.FILE_READ_DATA.value() | AccessMask.FILE_READ_ATTRIBUTES.value()
                | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OPEN, CreateOptions.DIRECTORY_FILE.value(), "opening directory");
        List<FileEntry> out = new ArrayList<>();
        try {
            int flags = QueryDirectoryRequest.RESTART_SCANS;
            while (true) {
                QueryDirectoryRequest q = new QueryDirectoryRequest(FileInformationClass.BOTH_DIRECTORY, flags, 0,
                        dir.fileId(), pattern == null || pattern.isEmpty() ? "*" : pattern, 65536);
                flags = 0;
                Incoming in = call(q);
                NtStatus st = new NtStatus(in.status());
                if (st.equals(NtStatus.NO_MORE_FILES) || (st.equals(NtStatus.NO_SUCH_FILE) && out.isEmpty())) {
                    break;
                }
                QueryDirectoryResponse r = (QueryDirectoryResponse) Smb2Errors.expect(in, "listing \\" + smbPath(directory)).message();
                List<DirectoryEntry> entries;
                try {
                    entries = DirectoryInformation.decode(FileInformationClass.BOTH_DIRECTORY, r.output());
                } catch (FsccDecodeException e) {
                    throw new SmbProtocolException("malformed directory listing: " + e.getMessage(), e);
                }
                if (entries.isEmpty()) {
                    break;
                }
                for (DirectoryEntry e : entries) {
                    out.add(new FileEntry(e.fileName(), FileAttribute.toMask(e.attributes()), e.endOfFile(), e.allocationSize(),
                            time(e.creationTime()), time(e.lastAccessTime()), time(e.lastWriteTime()), time(e.changeTime())));
                }
            }
        } finally {
            close(dir.fileId());
        }
        return out;
    }

    /**
     * One round trip, as Windows does it: a related compound of CREATE, QUERY_INFO
     * (FileNetworkOpenInformation) and CLOSE on the file the CREATE opened ([MS-SMB2] 3.2.4.1.4).
     */
    @Override
    public FileEntry stat(String path) throws IOException {
        CreateRequest create = new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION,
                new AccessMask(AccessMask.FILE_READ_ATTRIBUTES.value() | AccessMask.SYNCHRONIZE.value()), Set.of(),
                new ShareAccess(ShareAccess.READ.value() | ShareAccess.WRITE.value() | ShareAccess.DELETE.value()),
                CreateDisposition.OPEN, new CreateOptions(0), smbPath(path), List.of());
        List<Incoming> in = connection().callCompound(List.of(
                Outgoing.of(Requests.encode(create, session.sessionId, treeId)),
                Outgoing.of(Requests.encode(QueryInfoRequest.of(InfoType.FILE, FileInformationClass.NETWORK_OPEN.value(),
                        FileId.RELATED, 56), session.sessionId, treeId)),
                Outgoing.of(Requests.encode(new CloseRequest(0, FileId.RELATED), session.sessionId, treeId))));
        Smb2Errors.expect(in.get(0), "opening \\" + smbPath(path));
        QueryInfoResponse q = (QueryInfoResponse) Smb2Errors.expect(in.get(1), "querying \\" + smbPath(path)).message();
        Smb2Errors.expect(in.get(2), "closing");
        FileInformation.NetworkOpen n;
        try {
            n = (FileInformation.NetworkOpen) FileInformation.decode(FileInformationClass.NETWORK_OPEN, q.output());
        } catch (FsccDecodeException | ClassCastException e) {
            throw new SmbProtocolException("malformed FileNetworkOpenInformation: " + e.getMessage(), e);
        }
        String p = smbPath(path);
        String name = p.isEmpty() ? "\\" : p.substring(p.lastIndexOf('\\') + 1);
        return new FileEntry(name, FileAttribute.toMask(n.attributes()), n.endOfFile(), n.allocationSize(),
                time(n.creationTime()), time(n.lastAccessTime()), time(n.lastWriteTime()), time(n.changeTime()));
    }

    @Override
    public FsSize fsSize() throws IOException {
        CreateResponse root = open("", AccessMask.FILE_READ_ATTRIBUTES.value() | AccessMask.SYNCHRONIZE.value(),
                CreateDisposition.OPEN, CreateOptions.DIRECTORY_FILE.value(), "opening");
        try {
            QueryInfoResponse r = (QueryInfoResponse) Smb2Errors.expect(call(QueryInfoRequest.of(InfoType.FILESYSTEM,
                    FILE_FS_FULL_SIZE_INFORMATION, root.fileId(), 64)), "querying the volume size").message();
            byte[] b = r.output();
            if (b.length < 32) {
                throw new SmbProtocolException("FileFsFullSizeInformation of " + b.length + " bytes, expected 32");
            }
            return new FsSize(HeaderView.u64(b, 0), HeaderView.u64(b, 8), HeaderView.u64(b, 16),
                    HeaderView.i32(b, 24) & 0xffffffffL, HeaderView.i32(b, 28) & 0xffffffffL);
        } finally {
            close(root.fileId());
        }
    }

    private int charge(int length) {
        return session.owner.largeMtu ? Outgoing.chargeFor(length) : 1;
    }

    private CompletableFuture<Incoming> submit(Smb2Request body, int charge) throws IOException {
        return connection().submit(new Outgoing(Requests.encode(body, session.sessionId, treeId), charge));
    }

    @Override
    public long download(String path, OutputStream out, LongConsumer progress) throws IOException {
        CreateResponse f = open(path, AccessMask.FILE_READ_DATA.value() | AccessMask.FILE_READ_ATTRIBUTES.value()
                | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OPEN, CreateOptions.NON_DIRECTORY_FILE.value(),
                "opening remote file");
        long size = f.endOfFile();
        if (size >= BULK && session.security != null) {
            session.security.warmUp();
        }
        int chunk = session.owner.info.maxReadSize();
        int window = session.owner.config.maxInFlight();
        long done = 0;
        try {
            Deque<long[]> ranges = new ArrayDeque<>();
            Deque<CompletableFuture<Incoming>> inflight = new ArrayDeque<>();
            long next = 0;
            while (done < size) {
                while (inflight.size() < window && next < size) {
                    int len = (int) Math.min(chunk, size - next);
                    inflight.add(submit(ReadRequest.of(f.fileId(), next, len), charge(len)));
                    ranges.add(new long[] {next, len});
                    next += len;
                }
                Incoming in = connection().await(inflight.poll());
                long[] range = ranges.poll();
                NtStatus st = new NtStatus(in.status());
                if (st.equals(NtStatus.END_OF_FILE)) {
                    throw new SmbProtocolException("file ended at " + done + " of " + size + " bytes (changed while reading?)");
                }
                ReadResponse r = (ReadResponse) Smb2Errors.expect(in, "reading").message();
                int got = r.dataLength();
                if (got == 0 || got > range[1]) {
                    throw new SmbProtocolException("read of " + range[1] + " bytes at " + range[0] + " returned " + got);
                }
                writeData(out, in.message(), r);
                connection().recycle(in);
                done += got;
                if (got < range[1]) { // short read: fetch the rest of this range synchronously
                    long off = range[0] + got;
                    long end = range[0] + range[1];
                    while (off < end) {
                        int len = (int) (end - off);
                        ReadResponse rr = (ReadResponse) Smb2Errors.expect(connection().call(new Outgoing(
                                Requests.encode(ReadRequest.of(f.fileId(), off, len), session.sessionId, treeId),
                                charge(len))), "reading").message();
                        int g = rr.data().remaining();
                        if (g == 0) {
                            throw new SmbProtocolException("empty read at " + off);
                        }
                        writeTo(out, rr.data());
                        off += g;
                        done += g;
                    }
                }
                progress.accept(done);
            }
            out.flush();
        } finally {
            close(f.fileId());
        }
        return done;
    }

    /**
     * Writes a READ response's data straight from the received message (the decoded view is
     * read-only and would cost a copy of every 1 MiB): the data sits at the DataOffset the decoder
     * has checked ([MS-SMB2] 2.2.20).
     */
    private static void writeData(OutputStream out, byte[] message, ReadResponse r) throws IOException {
        int offset = message[HeaderView.SIZE + 2] & 0xff;
        int length = r.dataLength();
        if (offset >= HeaderView.SIZE && offset <= message.length - length) {
            out.write(message, offset, length);
        } else {
            writeTo(out, r.data());
        }
    }

    private static void writeTo(OutputStream out, ByteBuffer data) throws IOException {
        if (data.hasArray()) {
            out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
        } else {
            byte[] b = new byte[data.remaining()];
            data.duplicate().get(b);
            out.write(b);
        }
    }

    @Override
    public long upload(String path, InputStream in, LongConsumer progress) throws IOException {
        CreateResponse f = openForUpload(path);
        int chunk = session.owner.info.maxWriteSize();
        int window = session.owner.config.maxInFlight();
        long offset = 0;
        long acked = 0;
        try {
            Deque<CompletableFuture<Incoming>> inflight = new ArrayDeque<>();
            Deque<byte[]> sent = new ArrayDeque<>();
            // a WRITE's message, once answered, carries the next one: no 1 MiB allocation per request
            // (not with a wire tap, which may keep what it was shown)
            Deque<byte[]> free = new ArrayDeque<>();
            boolean reuse = session.owner.config.wireTap() == WireTap.NONE;
            boolean eof = false;
            while (!eof || !inflight.isEmpty()) {
                while (!eof && inflight.size() < window) {
                    // the file's bytes go straight to where the message carries them
                    byte[] m = free.isEmpty() ? new byte[WriteRequest.DATA_OFFSET + chunk] : free.poll();
                    int got = in.readNBytes(m, WriteRequest.DATA_OFFSET, chunk);
                    if (got == 0) {
                        eof = true;
                        break;
                    }
                    if (got < chunk) {
                        m = java.util.Arrays.copyOf(m, WriteRequest.DATA_OFFSET + got);
                        eof = true;
                    }
                    if (session.security != null && (offset >= BULK || (offset == 0 && in.available() >= BULK))) {
                        session.security.warmUp();
                    }
                    writeHead(m, f.fileId(), offset, got);
                    inflight.add(connection().submit(new Outgoing(m, charge(got))));
                    sent.add(m);
                    offset += got;
                }
                if (inflight.isEmpty()) {
                    break;
                }
                Incoming r = connection().await(inflight.poll());
                byte[] m = sent.poll();
                int want = m.length - WriteRequest.DATA_OFFSET;
                WriteResponse w = (WriteResponse) Smb2Errors.expect(r, "writing").message();
                if (w.count() != want) {
                    throw new SmbProtocolException("server wrote " + w.count() + " of " + want + " bytes");
                }
                if (reuse && want == chunk) {
                    free.add(m);
                }
                acked += want;
                progress.accept(acked);
            }
        } finally {
            close(f.fileId());
        }
        return acked;
    }

    /**
     * Without a wire tap, the file's bytes never pass through the Java heap: on a session that neither signs nor
     * seals the kernel sends them from the file (sendfile); otherwise they are read into a direct buffer and signed
     * where they are, or sealed from it into another (the stream upload copies each 1 MiB four times on the way:
     * file to heap and heap to the socket, each through a temporary direct buffer). With a tap, the stream upload.
     */
    @Override
    public long upload(String path, Path local, LongConsumer progress) throws IOException {
        if (session.owner.config.wireTap() != WireTap.NONE) {
            return SmbTree.super.upload(path, local, progress);
        }
        try (FileChannel file = FileChannel.open(local, StandardOpenOption.READ)) {
            return uploadDirect(path, file, progress);
        }
    }

    /** Opens (creating or truncating) the remote file an upload writes. */
    private CreateResponse openForUpload(String path) throws IOException {
        return open(path, AccessMask.FILE_WRITE_DATA.value() | AccessMask.FILE_READ_ATTRIBUTES.value()
                | AccessMask.FILE_WRITE_ATTRIBUTES.value() | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OVERWRITE_IF,
                CreateOptions.NON_DIRECTORY_FILE.value(), "opening remote file");
    }

    private long uploadDirect(String path, FileChannel file, LongConsumer progress) throws IOException {
        CreateResponse f = openForUpload(path);
        int chunk = session.owner.info.maxWriteSize();
        int window = session.owner.config.maxInFlight();
        SessionSecurity sec = session.security;
        boolean plain = connection().sendsPlain(session.sessionId, org.smbscope.codec.smb2.Smb2Command.WRITE.value());
        long size = file.size();
        if (sec != null && !plain && size >= BULK) {
            sec.warmUp();
        }
        // one buffer of each does: the connection has sent a request's data when submit returns
        ByteBuffer data = plain ? null : ByteBuffer.allocateDirect(chunk);
        ByteBuffer sealed = sec != null && sec.encrypting()
                ? ByteBuffer.allocateDirect(SEAL_ROOM + WriteRequest.DATA_OFFSET + chunk) : null;
        long offset = 0;
        long acked = 0;
        try {
            Deque<CompletableFuture<Incoming>> inflight = new ArrayDeque<>();
            Deque<Integer> lengths = new ArrayDeque<>();
            boolean eof = false;
            while (!eof || !inflight.isEmpty()) {
                while (!eof && inflight.size() < window) {
                    if (offset >= size) {
                        size = file.size(); // grown meanwhile: send that too, as a read to the end would
                    }
                    int got = (int) Math.min(chunk, Math.max(0, size - offset));
                    if (!plain) {
                        data.clear().limit(got);
                        while (data.hasRemaining() && file.read(data, offset + data.position()) >= 0) {
                            // until the piece is read or the file ends
                        }
                        got = data.flip().remaining();
                    }
                    if (got < chunk) {
                        eof = true;
                    }
                    if (got == 0) {
                        break;
                    }
                    byte[] head = new byte[WriteRequest.DATA_OFFSET];
                    writeHead(head, f.fileId(), offset, got);
                    Outgoing o = new Outgoing(head, charge(got));
                    inflight.add(plain ? connection().submit(o, file, offset, got) : connection().submit(o, data, sealed));
                    lengths.add(got);
                    offset += got;
                }
                if (inflight.isEmpty()) {
                    break;
                }
                Incoming r = connection().await(inflight.poll());
                int want = lengths.poll();
                WriteResponse w = (WriteResponse) Smb2Errors.expect(r, "writing").message();
                if (w.count() != want) {
                    throw new SmbProtocolException("server wrote " + w.count() + " of " + want + " bytes");
                }
                acked += want;
                progress.accept(acked);
            }
        } finally {
            close(f.fileId());
        }
        return acked;
    }

    /**
     * Writes the header and fixed part of a WRITE request of {@code length} bytes into
     * {@code m[0, DATA_OFFSET)}, whose data the caller has put at {@link WriteRequest#DATA_OFFSET}
     * ([MS-SMB2] 2.2.21): the codec encodes an empty WRITE, and its Length is set to the data's.
     */
    private void writeHead(byte[] m, FileId fileId, long offset, int length) {
        byte[] head = Requests.encode(WriteRequest.of(fileId, offset, ByteBuffer.allocate(0)), session.sessionId, treeId);
        int dataOffset = HeaderView.u16(head, HeaderView.SIZE + 2);
        if (dataOffset != WriteRequest.DATA_OFFSET || head.length < dataOffset) {
            throw new IllegalStateException("WRITE data offset " + dataOffset + ", expected " + WriteRequest.DATA_OFFSET);
        }
        System.arraycopy(head, 0, m, 0, dataOffset);
        HeaderView.put32(m, HeaderView.SIZE + 4, length);
    }

    @Override
    public void mkdir(String path) throws IOException {
        CreateResponse r = open(path, AccessMask.FILE_READ_ATTRIBUTES.value() | AccessMask.SYNCHRONIZE.value(),
                CreateDisposition.CREATE, CreateOptions.DIRECTORY_FILE.value(), "making directory");
        close(r.fileId());
    }

    @Override
    public void rmdir(String path) throws IOException {
        CreateResponse r = open(path, AccessMask.DELETE.value() | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OPEN,
                CreateOptions.DIRECTORY_FILE.value() | CreateOptions.DELETE_ON_CLOSE.value(), "removing directory");
        close(r.fileId());
    }

    @Override
    public void delete(String path) throws IOException {
        CreateResponse r = open(path, AccessMask.DELETE.value() | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OPEN,
                CreateOptions.NON_DIRECTORY_FILE.value() | CreateOptions.DELETE_ON_CLOSE.value(), "deleting remote file");
        close(r.fileId());
    }

    @Override
    public void rename(String from, String to) throws IOException {
        CreateResponse r = open(from, AccessMask.DELETE.value() | AccessMask.FILE_READ_ATTRIBUTES.value()
                | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OPEN, 0, "renaming");
        try {
            // [MS-FSCC] 2.4.37 FILE_RENAME_INFORMATION_TYPE_2
            byte[] name = smbPath(to).getBytes(StandardCharsets.UTF_16LE);
            byte[] info = new byte[20 + name.length];
            HeaderView.put32(info, 16, name.length);
            System.arraycopy(name, 0, info, 20, name.length);
            Smb2Errors.expect(call(new SetInfoRequest(InfoType.FILE, FileInformationClass.RENAME.value(), info, 0,
                    r.fileId())), "renaming \\" + smbPath(from));
        } finally {
            close(r.fileId());
        }
    }

    @Override
    public void echo() throws IOException {
        Smb2Errors.expect(connection().call(Outgoing.of(Requests.encode(new EchoRequest(), 0, 0))), "echo");
    }

    @Override
    public void close() {
        try {
            call(new TreeDisconnectRequest());
        } catch (IOException | RuntimeException ignored) {
            // disconnecting a broken tree: nothing to do
        }
    }
}
