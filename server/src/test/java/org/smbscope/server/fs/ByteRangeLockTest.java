package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.LockRequest.Element;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class ByteRangeLockTest {
    private static final int X = LockRequest.EXCLUSIVE_LOCK | LockRequest.FAIL_IMMEDIATELY;
    private static final int S = LockRequest.SHARED_LOCK | LockRequest.FAIL_IMMEDIATELY;
    private FsFixture f;
    private FileId a;
    private FileId b;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
        a = f.file("l.bin");
        b = f.file("l.bin");
        f.write(a, 0, "0123456789abcdef");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private Outcome lock(FileId id, Element... e) {
        return f.handle(new LockRequest(0, id, List.of(e)));
    }

    private NtStatus status(FileId id, Element... e) {
        return ((Outcome.Done) lock(id, e)).status();
    }

    @Test
    void exclusiveAndSharedRanges() {
        assertThat(status(a, new Element(0, 4, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(2, 4, X))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(b, new Element(2, 4, S))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(b, new Element(4, 4, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(8, 2, S))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(8, 2, S))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(8, 2, X))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(a, new Element(0, 4, LockRequest.UNLOCK))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(0, 4, LockRequest.UNLOCK))).isEqualTo(NtStatus.RANGE_NOT_LOCKED);
        assertThat(status(b, new Element(0, 4, X))).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void readAndWriteIntoAnotherOpensLock() {
        assertThat(status(a, new Element(0, 4, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.read(b, 0, 2).status()).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
        assertThat(f.write(b, 3, "z").status()).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
        assertThat(f.read(b, 4, 2).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.read(a, 0, 2).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.write(a, 0, "z").status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(8, 4, S))).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.read(b, 8, 2).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.write(b, 8, "z").status()).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
        assertThat(f.write(a, 8, "z").status()).as("own shared lock blocks writes too")
                .isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
        f.close(a);
        assertThat(f.read(b, 0, 2).status()).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void badRequests() {
        assertThat(status(a, new Element(0, 1, X), new Element(4, 1, LockRequest.UNLOCK)))
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(status(a, new Element(0, 1, LockRequest.EXCLUSIVE_LOCK), new Element(4, 1, X)))
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(status(a, new Element(0, 1, LockRequest.EXCLUSIVE_LOCK | LockRequest.SHARED_LOCK)))
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(status(a, new Element(-2, 5, X))).isEqualTo(ByteRangeLocks.INVALID_LOCK_RANGE);
        assertThat(status(a, new Element(0, -1, X))).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void zeroLengthRangesAsWindowsTreatsThem() {
        // a zero-length lock at 10 conflicts only with ranges that have 10 strictly inside
        assertThat(status(a, new Element(10, 0, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(10, 0, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(9, 1, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(10, 2, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(9, 2, X))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(a, new Element(100, 10, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(102, 0, X))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(a, new Element(-1, 0, X))).as("max/0").isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(-1, 1, X))).as("max/1").isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(-1, 2, X))).as("max/2").isEqualTo(ByteRangeLocks.INVALID_LOCK_RANGE);
    }

    @Test
    void unlocksGoInOrderAndExclusiveBeforeShared() {
        assertThat(status(a, new Element(0, 10, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(0, 10, X), new Element(10, 10, LockRequest.UNLOCK)))
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(status(a, new Element(0, 10, LockRequest.UNLOCK), new Element(10, 10, LockRequest.UNLOCK)))
                .as("the first is unlocked, the second was not held").isEqualTo(NtStatus.RANGE_NOT_LOCKED);
        assertThat(status(b, new Element(0, 10, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(0, 10, LockRequest.UNLOCK))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(5, 1, LockRequest.UNLOCK), new Element(5, 1, 0)))
                .isEqualTo(NtStatus.RANGE_NOT_LOCKED);
        // stacked: exclusive then shared on one handle; one unlock frees the exclusive first
        assertThat(status(a, new Element(20, 5, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(20, 5, S))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(20, 5, S))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(a, new Element(20, 5, LockRequest.UNLOCK))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(b, new Element(20, 5, S))).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void severalLocksAreAllOrNothing() {
        assertThat(status(b, new Element(10, 1, X))).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(0, 1, X), new Element(10, 1, X))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(status(b, new Element(0, 1, X))).as("the first was rolled back").isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void blockingLockWaitsForTheRangeOrIsCancelled() throws Exception {
        assertThat(status(a, new Element(0, 4, X))).isEqualTo(NtStatus.SUCCESS);
        Outcome waiting = lock(b, new Element(0, 4, LockRequest.EXCLUSIVE_LOCK));
        assertThat(waiting).isInstanceOf(Outcome.Pending.class);
        Outcome.Pending p = (Outcome.Pending) waiting;
        assertThat(p.completion()).isNotDone();
        assertThat(status(a, new Element(0, 4, LockRequest.UNLOCK))).isEqualTo(NtStatus.SUCCESS);
        assertThat(p.completion().get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(status(a, new Element(0, 4, X))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);

        Outcome.Pending q = (Outcome.Pending) lock(a, new Element(0, 4, LockRequest.SHARED_LOCK));
        q.cancel().run();
        assertThat(q.completion().get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.CANCELLED);
    }
}
