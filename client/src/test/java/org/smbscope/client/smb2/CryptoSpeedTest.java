package org.smbscope.client.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoSpeedTest {
    @Test
    void smallMessagesAreNotTimed() {
        CryptoSpeed speed = new CryptoSpeed();
        assertThat(speed.start(CryptoSpeed.TIMED - 1)).isZero();
        for (int i = 0; i < 10; i++) {
            speed.end(0, CryptoSpeed.TIMED - 1);
        }
        assertThat(speed.fast()).isFalse();
    }

    @Test
    void settlesAfterConsecutiveFastLargeMessages() {
        CryptoSpeed speed = new CryptoSpeed();
        int length = 1 << 30; // any real time is fast for a GiB
        for (int i = 0; i < CryptoSpeed.SETTLED - 1; i++) {
            speed.end(speed.start(length), length);
        }
        assertThat(speed.fast()).isFalse();
        speed.end(speed.start(length), length);
        assertThat(speed.fast()).isTrue();
        assertThat(speed.start(length)).isZero(); // no more timing once settled
    }

    @Test
    void aSlowMessageRestartsTheStreak() {
        CryptoSpeed speed = new CryptoSpeed();
        int length = 1 << 30;
        for (int i = 0; i < CryptoSpeed.SETTLED - 1; i++) {
            speed.end(speed.start(length), length);
        }
        speed.end(System.nanoTime() - 10_000_000_000L, CryptoSpeed.TIMED); // 10 s for 256 KiB
        for (int i = 0; i < CryptoSpeed.SETTLED - 1; i++) {
            speed.end(speed.start(length), length);
        }
        assertThat(speed.fast()).isFalse();
    }
}
