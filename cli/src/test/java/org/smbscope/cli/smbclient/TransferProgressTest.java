package org.smbscope.cli.smbclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
    @Test
    void silentForTheFirstSecondThenRedrawnAtMostTenTimesASecond() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        StringWriter text = new StringWriter();
        TransferProgress p = TransferProgress.on(new PrintWriter(text), now::get).start("big.bin", 64L << 20);
        now.addAndGet(900_000_000L);
        p.accept(10L << 20);
        assertThat(text.toString()).isEmpty();
        now.addAndGet(100_000_000L);
        p.accept(16L << 20);
        assertThat(text.toString()).isEqualTo("\rbig.bin  16.0 MiB of 64.0 MiB (25%)  16.0 MiB/s   ");
        now.addAndGet(50_000_000L);
        p.accept(17L << 20);
        assertThat(text.toString()).doesNotContain("17.0 MiB");
        now.addAndGet(50_000_000L);
        p.accept(22L << 20);
        assertThat(text.toString()).contains("\rbig.bin  22.0 MiB of 64.0 MiB (34%)  20.0 MiB/s");
        p.finish();
        assertThat(text.toString()).endsWith("\n");
    }

    @Test
    void aShortTransferDrawsNothing() {
        StringWriter text = new StringWriter();
        TransferProgress p = TransferProgress.on(new PrintWriter(text), () -> 0L).start("small", 10);
        p.accept(10);
        p.finish();
        assertThat(text.toString()).isEmpty();
        TransferProgress none = TransferProgress.none().start("x", 1);
        none.accept(1);
        none.finish();
    }

    @Test
    void sizes() {
        assertThat(TransferProgress.size(1023)).isEqualTo("1023 B");
        assertThat(TransferProgress.size(1536)).isEqualTo("1.5 KiB");
        assertThat(TransferProgress.size(3L << 30)).isEqualTo("3.0 GiB");
    }
}
