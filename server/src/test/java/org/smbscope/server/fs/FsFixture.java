package org.smbscope.server.fs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/** A DiskTreeHandler over a share, with one-line helpers for the requests tests send. */
final class FsFixture implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final RequestContext CTX = new RequestContext(Smb2Dialect.SMB_3_1_1, "alice", false, 8 << 20, 8 << 20,
            1 << 20);
    static final int ALL_SHARE = 7;

    final FileSystem fs;
    final Path root;
    final DiskTreeHandler handler;
    /** The handler's opens and kept metadata. */
    final OpenFiles files = new OpenFiles();

    private FsFixture(FileSystem fs, Path root, boolean readOnly) throws IOException {
        this.fs = fs;
        this.root = root;
        this.handler = new DiskTreeHandler(ShareRoot.of(root), readOnly, CLOCK, files);
    }

    /** A share in a Jimfs file system with Windows semantics and DOS attributes. */
    static FsFixture jimfs(boolean readOnly) throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setAttributeViews("basic", "dos").setMaxSize(128L << 20).build());
        Path root = Files.createDirectories(fs.getPath("C:\\shares\\data"));
        return new FsFixture(fs, root, readOnly);
    }

    /**
     * A share in a Jimfs file system with Windows semantics, DOS attributes, user extended attributes and the
     * "unix" view, whose change time never changes (the coarsest ctime: a {@link MetaCache} must be told).
     */
    static FsFixture jimfsUnix() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setAttributeViews("basic", "dos", "owner", "posix", "unix", "user").setMaxSize(128L << 20).build());
        Path root = Files.createDirectories(fs.getPath("C:\\shares\\data"));
        return new FsFixture(fs, root, false);
    }

    static FsFixture jimfs() throws IOException {
        return jimfs(false);
    }

    /** A share in a directory of the default file system. */
    static FsFixture onDisk(Path dir, boolean readOnly) throws IOException {
        return new FsFixture(null, dir, readOnly);
    }

    Outcome handle(Smb2Request r) {
        return handler.handle(CTX, r);
    }

    Outcome.Done done(Smb2Request r) {
        Outcome o = handle(r);
        if (o instanceof Outcome.Done d) {
            return d;
        }
        throw new AssertionError("pending: " + r);
    }

    NtStatus status(Smb2Request r) {
        return done(r).status();
    }

    static CreateRequest createRequest(String name, int access, int share, CreateDisposition disposition,
            CreateOptions options, CreateContext... contexts) {
        return new CreateRequest(OplockLevel.NONE, new ImpersonationLevel(2), new AccessMask(access),
                Set.of(FileAttribute.NORMAL), new ShareAccess(share), disposition, options, name, List.of(contexts));
    }

    Outcome.Done create(String name, int access, int share, CreateDisposition disposition, CreateOptions options,
            CreateContext... contexts) {
        return done(createRequest(name, access, share, disposition, options, contexts));
    }

    /** Opens or creates a file for read and write, sharing everything. */
    FileId file(String name) {
        return id(create(name, Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE | Access.DELETE, ALL_SHARE,
                CreateDisposition.OPEN_IF, CreateOptions.NON_DIRECTORY_FILE));
    }

    FileId dir(String name) {
        return id(create(name, Access.FILE_GENERIC_READ, ALL_SHARE, CreateDisposition.OPEN_IF,
                CreateOptions.DIRECTORY_FILE));
    }

    static FileId id(Outcome.Done d) {
        if (!(d.response() instanceof CreateResponse c)) {
            throw new AssertionError("create failed: " + d.status());
        }
        return c.fileId();
    }

    NtStatus close(FileId id) {
        return status(new CloseRequest(id));
    }

    Outcome.Done write(FileId id, long offset, String text) {
        return done(WriteRequest.of(id, offset, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    Outcome.Done read(FileId id, long offset, int length) {
        return done(ReadRequest.of(id, offset, length));
    }

    Outcome.Done list(FileId dir, FileInformationClass c, int flags, String pattern, int max) {
        return done(new QueryDirectoryRequest(c, flags, 0, dir, pattern, max));
    }

    Outcome.Done queryFile(FileId id, FileInformationClass c, int max) {
        return done(QueryInfoRequest.of(InfoType.FILE, c.value(), id, max));
    }

    Outcome.Done setFile(FileId id, FileInformationClass c, byte[] buffer) {
        return done(new SetInfoRequest(InfoType.FILE, c.value(), buffer, 0, id));
    }

    @Override
    public void close() throws IOException {
        handler.close();
        if (fs != null) {
            fs.close();
        }
    }
}
