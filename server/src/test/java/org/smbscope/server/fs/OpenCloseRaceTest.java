package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;

/**
 * Many clients opening, writing, querying and closing one path at once (smbtorture
 * smb2.create.bench-path-contention-shared): the per-file list of opens changed under the tree lock while the
 * delayed write-time code walked it under the file's monitor, and saw a null (a NullPointerException answered
 * as STATUS_INTERNAL_ERROR). Every request must succeed.
 */
class OpenCloseRaceTest {
    private static final int THREADS = 64;
    private static final int ROUNDS = 200;

    @Test
    void concurrentOpenWriteQueryCloseOfOnePathAllSucceed() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path root = Files.createDirectories(fs.getPath("C:\\s"));
            Files.writeString(root.resolve("f"), "x");
            // the clock runs, so delayed updates fall due while other opens come and go
            Clock clock = Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(-2));
            OpenFiles files = new OpenFiles();
            List<DiskTreeHandler> trees = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                trees.add(new DiskTreeHandler(ShareRoot.of(root), false, clock, files));
            }
            Map<NtStatus, AtomicInteger> failures = new ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> all = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    DiskTreeHandler h = trees.get(t % trees.size());
                    all.add(pool.submit(() -> {
                        for (int i = 0; i < ROUNDS; i++) {
                            round(h, failures);
                        }
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            }
            assertThat(failures).isEmpty();
            assertThat(files.size()).isZero();
        }
    }

    private static void round(DiskTreeHandler h, Map<NtStatus, AtomicInteger> failures) {
        Outcome.Done c = (Outcome.Done) h.handle(FsFixture.CTX, FsFixture.createRequest("f",
                Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE, FsFixture.ALL_SHARE, CreateDisposition.OPEN_IF,
                CreateOptions.NON_DIRECTORY_FILE));
        if (!c.status().equals(NtStatus.SUCCESS)) {
            failures.computeIfAbsent(c.status(), s -> new AtomicInteger()).incrementAndGet();
            return;
        }
        FileId id = FsFixture.id(c);
        check(h.handle(FsFixture.CTX, WriteRequest.of(id, 0, ByteBuffer.wrap(new byte[] {1}))), failures);
        check(h.handle(FsFixture.CTX, QueryInfoRequest.of(InfoType.FILE, 4, id, 100)), failures);
        check(h.handle(FsFixture.CTX, new CloseRequest(id)), failures);
    }

    private static void check(Outcome o, Map<NtStatus, AtomicInteger> failures) {
        NtStatus s = ((Outcome.Done) o).status();
        if (!s.equals(NtStatus.SUCCESS)) {
            failures.computeIfAbsent(s, x -> new AtomicInteger()).incrementAndGet();
        }
    }
}
