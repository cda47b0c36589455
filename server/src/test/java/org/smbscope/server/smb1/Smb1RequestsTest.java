package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb2.LockResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class Smb1RequestsTest {
    private final Smb1Requests requests = new Smb1Requests();

    private Smb1Exchange exchange(int mid, int pid, int uid, int tid) {
        Smb1Header h = Smb1Header.request(Smb1Command.LOCKING_ANDX, Smb1Flags.NONE, new Smb1Flags2(0), tid, pid, uid, mid);
        return new Smb1Exchange(h, null, 0, requests, null);
    }

    /** Runs {@code body} as request {@code x} on a thread of its own, holding the turn as the connection does. */
    private <T> CompletableFuture<T> run(Smb1Exchange x, java.util.function.Supplier<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        requests.acquire(x);
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(body.get());
            } finally {
                requests.release();
            }
        });
        return result;
    }

    @Test
    void aPendingRequestGivesTheTurnBackAndTakesItAgainToFinish() throws Exception {
        Smb1Exchange x = exchange(5, 1, 100, 1);
        CompletableFuture<Outcome.Done> handler = new CompletableFuture<>();
        CompletableFuture<Outcome.Done> answer = run(x, () -> x.await(new Outcome.Pending(handler, () -> { }), -1,
                NtStatus.CANCELLED, Smb2Command.LOCK));
        // the next request gets the turn while x waits
        Smb1Exchange y = exchange(6, 1, 100, 1);
        requests.acquire(y);
        assertThat(requests.current()).isSameAs(y);
        assertThat(requests.pending()).containsExactly(x);
        handler.complete(Outcome.Done.ok(new LockResponse()));
        Thread.sleep(50);
        assertThat(answer).isNotDone(); // x needs the turn to finish
        requests.release();
        assertThat(answer.get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.SUCCESS);
        requests.acquire(null);
        assertThat(requests.pending()).isEmpty();
        requests.release();
    }

    @Test
    void ntCancelFindsThePendingRequestByMidPidUidAndTid() throws Exception {
        Smb1Exchange x = exchange(5, 0x10001, 100, 1);
        CompletableFuture<Outcome.Done> handler = new CompletableFuture<>();
        AtomicInteger cancels = new AtomicInteger();
        CompletableFuture<Outcome.Done> answer = run(x, () -> x.await(new Outcome.Pending(handler, () -> {
            cancels.incrementAndGet();
            handler.complete(Outcome.Done.error(NtStatus.CANCELLED, Smb2Command.LOCK));
        }), -1, NtStatus.CANCELLED, Smb2Command.LOCK));
        requests.acquire(null);
        assertThat(requests.cancel(5, 1, 100, 1)).isFalse(); // PIDHigh differs
        assertThat(requests.cancel(5, 0x10001, 101, 1)).isFalse();
        assertThat(requests.cancel(6, 0x10001, 100, 1)).isFalse();
        assertThat(requests.cancel(5, 0x10001, 100, 2)).isFalse();
        assertThat(requests.cancel(5, 0x10001, 100, 1)).isTrue();
        requests.release();
        assertThat(answer.get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.CANCELLED);
        assertThat(cancels).hasValue(1);
        assertThat(x.cancelled()).isTrue();
    }

    @Test
    void aTimedOutWaitCancelsTheHandlerAndAnswersLate() throws Exception {
        Smb1Exchange x = exchange(5, 1, 100, 1);
        CompletableFuture<Outcome.Done> handler = new CompletableFuture<>();
        Outcome.Pending p = new Outcome.Pending(handler,
                () -> handler.complete(Outcome.Done.error(NtStatus.CANCELLED, Smb2Command.LOCK)));
        Outcome.Done d = run(x, () -> x.await(p, 50, NtStatus.LOCK_NOT_GRANTED, Smb2Command.LOCK))
                .get(5, TimeUnit.SECONDS);
        assertThat(d.status()).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(handler.get().status()).isEqualTo(NtStatus.CANCELLED);
    }

    @Test
    void aSleepEndsOnAChangeAndOnlyACancellableOneOnNtCancel() throws Exception {
        Smb1Exchange x = exchange(5, 1, 100, 1);
        CompletableFuture<Boolean> slept = run(x, () -> x.sleep(10_000, false));
        requests.acquire(null);
        requests.cancel(5, 1, 100, 1); // not cancellable: ignored
        requests.release();
        Thread.sleep(50);
        assertThat(slept).isNotDone();
        requests.acquire(null);
        requests.changed();
        requests.release();
        assertThat(slept.get(5, TimeUnit.SECONDS)).isTrue();

        Smb1Exchange y = exchange(7, 1, 100, 1);
        CompletableFuture<Boolean> cancelled = run(y, () -> y.sleep(10_000, true));
        Thread.sleep(20);
        requests.acquire(null);
        requests.cancel(7, 1, 100, 1);
        requests.release();
        assertThat(cancelled.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theConnectionsEndAbortsEveryWaitAndEveryLaterOne() throws Exception {
        Smb1Exchange x = exchange(5, 1, 100, 1);
        CompletableFuture<Boolean> slept = run(x, () -> x.sleep(10_000, false));
        Thread.sleep(20);
        requests.acquire(null);
        requests.closeAll();
        requests.release();
        assertThat(slept.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(x.aborted()).isTrue();
        Smb1Exchange y = exchange(6, 1, 100, 1);
        CompletableFuture<Outcome.Done> handler = new CompletableFuture<>();
        Outcome.Done d = run(y, () -> y.await(new Outcome.Pending(handler,
                () -> handler.complete(Outcome.Done.error(NtStatus.CANCELLED, Smb2Command.LOCK))), -1,
                NtStatus.CANCELLED, Smb2Command.LOCK)).get(5, TimeUnit.SECONDS);
        assertThat(d.status()).isEqualTo(NtStatus.CANCELLED);
        assertThat(List.of(x.aborted(), y.aborted())).containsOnly(true);
    }

    @Test
    void sleepersWokenByAChangeRetryInArrivalOrder() throws Exception {
        for (int round = 0; round < 20; round++) {
            List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            Smb1Exchange first = exchange(1, 1, 100, 1);
            Smb1Exchange second = exchange(2, 1, 100, 1);
            CompletableFuture<Boolean> a = run(first, () -> {
                boolean r = first.sleep(10_000, false);
                order.add(1);
                return r;
            });
            CompletableFuture<Boolean> b = run(second, () -> {
                boolean r = second.sleep(10_000, false);
                order.add(2);
                return r;
            });
            requests.acquire(null); // both are asleep now
            requests.changed();
            requests.release();
            assertThat(a.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(b.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly(1, 2);
        }
    }
}
