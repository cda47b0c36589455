package org.smbscope.client.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.SigningAlgorithm;

class CryptoWarmerTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsAllBatchesWhenNoLargeMessageSaysItIsFast() {
        AtomicInteger calls = new AtomicInteger();
        int done = CryptoWarmer.batches(() -> false, calls::addAndGet);
        assertThat(done).isEqualTo(CryptoWarmer.MAX).isEqualTo(calls.get());
    }

    @Test
    void stopsAtTheFirstLookAfterTheTransferRunsFast() {
        AtomicInteger looks = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        int done = CryptoWarmer.batches(() -> looks.incrementAndGet() > 3, calls::addAndGet);
        assertThat(done).isEqualTo(3 * CryptoWarmer.BATCH).isEqualTo(calls.get());
    }

    @Test
    void makesNoCallWhenAlreadyFast() {
        assertThat(CryptoWarmer.batches(() -> true, n -> {
            throw new AssertionError("called");
        })).isZero();
    }

    /** The transfer's large messages as the warm-up's batches go on: slow ones, then {@code fast} of them compiled. */
    private CryptoWarmer warmer(int slowBatches) {
        CryptoWarmer[] w = new CryptoWarmer[1];
        w[0] = new CryptoWarmer((s, c, n) -> {
            ran.add(s + "/" + c + "/" + n);
            CryptoSpeed speed = s != null ? w[0].signSpeed : w[0].sealSpeed;
            long perMessage = ran.size() <= slowBatches ? 20_000_000 : 100_000; // 20 ms, then 0.1 ms per MiB
            for (int i = 0; i < CryptoSpeed.SETTLED; i++) {
                long t = speed.start(1 << 20);
                now.addAndGet(perMessage);
                speed.end(t, 1 << 20);
            }
        }, tasks::add, now::get);
        return w[0];
    }

    @Test
    void stopsOnceTheSessionsLargeMessagesRunAtCompiledSpeed() {
        CryptoWarmer w = warmer(2);
        w.signing(SigningAlgorithm.AES_GMAC);
        assertThat(tasks).hasSize(1);
        tasks.get(0).run();
        assertThat(ran).hasSize(3).allMatch(r -> r.equals("AES_GMAC/null/" + CryptoWarmer.BATCH));
        assertThat(w.signSpeed.fast()).isTrue();
        assertThat(w.sealSpeed.fast()).isFalse();
    }

    @Test
    void sealingHasItsOwnSpeed() {
        CryptoWarmer w = warmer(0);
        w.sealing(CipherId.AES_128_GCM);
        tasks.get(0).run();
        assertThat(ran).containsExactly("null/AES_128_GCM/" + CryptoWarmer.BATCH);
        assertThat(w.sealSpeed.fast()).isTrue();
        assertThat(w.signSpeed.fast()).isFalse();
    }

    @Test
    void startsEachAlgorithmOncePerConnection() {
        CryptoWarmer w = warmer(0);
        w.signing(SigningAlgorithm.AES_GMAC);
        w.signing(SigningAlgorithm.AES_GMAC);
        w.sealing(CipherId.AES_128_GCM);
        w.sealing(CipherId.AES_128_GCM);
        w.signing(SigningAlgorithm.AES_CMAC);
        w.signing(null);
        w.sealing(null);
        assertThat(tasks).hasSize(3);
    }
}
