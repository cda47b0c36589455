package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditWindowTest {
    @Test
    void startsWithMessageIdZeroOnly() {
        CreditWindow w = new CreditWindow(512);
        assertThat(w.consume(1, 1)).isFalse();
        assertThat(w.consume(0, 1)).isTrue();
        assertThat(w.consume(0, 1)).as("replay").isFalse();
    }

    @Test
    void grantsUpToTheLimitAndAcceptsOutOfOrderIds() {
        CreditWindow w = new CreditWindow(10);
        assertThat(w.consume(0, 1)).isTrue();
        assertThat(w.grant(64)).isEqualTo(10);
        assertThat(w.consume(5, 1)).isTrue();
        assertThat(w.consume(1, 4)).as("multi-credit").isTrue();
        assertThat(w.consume(10, 2)).as("past the window").isFalse();
        assertThat(w.outstanding()).isEqualTo(5);
        assertThat(w.grant(100)).isEqualTo(5);
    }

    @Test
    void neverLeavesTheClientWithoutCredits() {
        CreditWindow w = new CreditWindow(1);
        assertThat(w.consume(0, 1)).isTrue();
        assertThat(w.grant(0)).isEqualTo(1);
        assertThat(w.consume(1, 1)).isTrue();
        assertThat(w.grant(5)).isEqualTo(1);
    }

    @Test
    void grantsAtLeastTheChargeSoAMultiCreditClientKeepsItsWindow() {
        CreditWindow w = new CreditWindow(8192);
        assertThat(w.consume(0, 1)).isTrue();
        assertThat(w.grant(1, 1)).isEqualTo(1);
        assertThat(w.grant(256, 1)).isEqualTo(256);
        assertThat(w.consume(1, 128)).isTrue();
        assertThat(w.grant(1, 128)).as("an 8 MiB WRITE asking for 1 credit").isEqualTo(128);
        assertThat(w.outstanding()).isEqualTo(1 + 256 - 128 + 128);
        CreditWindow small = new CreditWindow(10);
        assertThat(small.consume(0, 1)).isTrue();
        assertThat(small.grant(1, 64)).as("never above the limit").isEqualTo(10);
    }
}
