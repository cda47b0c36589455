package org.smbscope.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.trace.event.CaptureExchanges;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.explain.Captures;

/** Exchanges written as pcap read back as the same exchanges: direction, layer and bytes. */
class PcapWriterTest {
    @ParameterizedTest
    @ValueSource(strings = {"a_smb1_nt1.pcapng", "d_wrong_password.pcapng", "g_nmblookup.pcapng", "h_port139_nbss.pcapng"})
    void roundTrip(String capture) throws Exception {
        List<Exchange> original = Captures.exchanges(capture);
        byte[] pcap = PcapWriter.toBytes(original);
        List<Exchange> again = new ArrayList<>();
        try (CaptureExchanges x = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(pcap)),
                CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e; (e = x.next()) != null; ) {
                again.add(e);
            }
        }
        assertThat(again).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            Exchange a = original.get(i);
            Exchange b = again.get(i);
            assertThat(b.layer()).isEqualTo(a.layer());
            assertThat(b.direction()).isEqualTo(a.direction());
            assertThat(b.payload()).isEqualTo(a.payload());
            assertThat(b.client()).isEqualTo(a.client());
            assertThat(b.server()).isEqualTo(a.server());
        }
    }
}
