package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestOrderTest {
    private final RequestOrder order = new RequestOrder();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void anOrderedFrameWaitsForEveryEarlierFrame() throws Exception {
        RequestOrder.Ticket find = order.arrive();
        RequestOrder.Ticket close = order.arrive();
        CountDownLatch closeRan = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            close.enter(false);
            log.add("close");
            close.leave();
            closeRan.countDown();
        });
        assertThat(closeRan.await(200, TimeUnit.MILLISECONDS)).isFalse();
        find.enter(false);
        log.add("find");
        find.leave();
        t.join();
        assertThat(log).containsExactly("find", "close");
    }

    @Test
    void readsAndWritesRunSideBySideButAfterEarlierOrderedFrames() throws Exception {
        RequestOrder.Ticket create = order.arrive();
        RequestOrder.Ticket read1 = order.arrive();
        RequestOrder.Ticket read2 = order.arrive();
        RequestOrder.Ticket close = order.arrive();
        create.enter(false);
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable reader = () -> {
            bothIn.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread r1 = Thread.ofVirtual().start(() -> {
            read1.enter(true);
            reader.run();
            log.add("read1");
            read1.leave();
        });
        Thread r2 = Thread.ofVirtual().start(() -> {
            read2.enter(true);
            reader.run();
            log.add("read2");
            read2.leave();
        });
        Thread c = Thread.ofVirtual().start(() -> {
            close.enter(false);
            log.add("close");
            close.leave();
        });
        assertThat(bothIn.await(200, TimeUnit.MILLISECONDS)).as("reads wait for the CREATE").isFalse();
        log.add("create");
        create.leave();
        assertThat(bothIn.await(5, TimeUnit.SECONDS)).as("both reads in at once").isTrue();
        assertThat(log).containsExactly("create");
        release.countDown();
        r1.join();
        r2.join();
        c.join();
        assertThat(log).endsWith("close").hasSize(4);
    }

    @Test
    void aFrameThatNeverEnteredGivesUpItsPlace() throws Exception {
        RequestOrder.Ticket dropped = order.arrive();
        RequestOrder.Ticket next = order.arrive();
        Thread t = Thread.ofVirtual().start(() -> {
            next.enter(false);
            log.add("next");
            next.leave();
        });
        dropped.leave();
        t.join(5000);
        assertThat(log).containsExactly("next");
    }
}
