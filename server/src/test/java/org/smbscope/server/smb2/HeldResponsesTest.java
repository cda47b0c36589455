package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class HeldResponsesTest {
    /** Counts the writes, like a socket's system calls. */
    static final class Counting extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }
    }

    @Test
    void theHoldersResponsesGoOutFramedInOneWrite() throws IOException {
        HeldResponses held = new HeldResponses();
        held.holder(Thread.currentThread());
        assertThat(held.hold(new byte[] {1, 2, 3})).isTrue();
        assertThat(held.hold(new byte[] {4})).isTrue();
        Counting out = new Counting();
        held.flush(out);
        assertThat(out.writes).isEqualTo(1);
        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 1, 4);
        held.flush(out); // nothing held: no write
        assertThat(out.writes).isEqualTo(1);
    }

    @Test
    void otherThreadsAndLargeResponsesAreNotHeld() throws Exception {
        HeldResponses held = new HeldResponses();
        assertThat(held.hold(new byte[] {1})).isFalse(); // no holder yet
        held.holder(Thread.currentThread());
        boolean[] other = new boolean[1];
        Thread t = Thread.ofPlatform().start(() -> other[0] = held.hold(new byte[] {1}));
        t.join();
        assertThat(other[0]).isFalse();
        assertThat(held.hold(new byte[HeldResponses.MAX])).isFalse();
        assertThat(held.hold(new byte[HeldResponses.MAX / 2])).isTrue();
        assertThat(held.hold(new byte[HeldResponses.MAX / 2])).isFalse(); // would pass the bound: send the held first
        Counting out = new Counting();
        held.flush(out);
        assertThat(out.size()).isEqualTo(4 + HeldResponses.MAX / 2);
    }
}
