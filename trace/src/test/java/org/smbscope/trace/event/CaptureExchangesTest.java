package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smbscope.trace.capture.CaptureReader;

class CaptureExchangesTest {
    static List<Exchange> exchanges(String name) throws Exception {
        try (InputStream in = CaptureExchangesTest.class.getResourceAsStream("/captures/" + name);
             CaptureExchanges x = new CaptureExchanges(CaptureReader.open(in), CaptureExchanges.Limits.DEFAULT)) {
            List<Exchange> out = new ArrayList<>();
            for (Exchange e; (e = x.next()) != null; ) {
                out.add(e);
            }
            return out;
        }
    }

    static Map<Layer, Integer> byLayer(List<Exchange> xs) {
        Map<Layer, Integer> m = new TreeMap<>();
        xs.forEach(e -> m.merge(e.layer(), 1, Integer::sum));
        return m;
    }

    @Test
    void port139CaptureHasSessionRequestsThenSmb() throws Exception {
        List<Exchange> xs = exchanges("h_port139_nbss.pcapng");
        // tshark: 3 session requests + 3 positive responses (NBSS), SMB1 and SMB2 messages
        assertThat(byLayer(xs).get(Layer.NBSS)).isEqualTo(6);
        Exchange first = xs.stream().filter(e -> e.layer() == Layer.NBSS).findFirst().orElseThrow();
        assertThat(first.direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
        assertThat(first.server().port()).isEqualTo(139);
        assertThat(first.payload()[0] & 0xFF).isEqualTo(0x81);
    }

    @Test
    void nameServiceCaptureIsAllNbnsAndBrowser() throws Exception {
        Map<Layer, Integer> m = byLayer(exchanges("g_nmblookup.pcapng"));
        assertThat(m).containsEntry(Layer.NBNS, 8).containsEntry(Layer.NBDS, 1);
    }

    @Test
    void smb3CaptureIsSmb2AndOneBrowserElection() throws Exception {
        List<Exchange> xs = exchanges("b_smb3_default.pcapng");
        // tshark: frame 1 is nmbd's browser election (UDP 138), then 57 SMB2 messages
        assertThat(byLayer(xs)).containsOnlyKeys(Layer.SMB2, Layer.NBDS).containsEntry(Layer.SMB2, 57);
        assertThat(xs.get(1).direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
        assertThat(xs.get(2).direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
    }
}
