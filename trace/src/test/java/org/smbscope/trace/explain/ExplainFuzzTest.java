package org.smbscope.trace.explain;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smbscope.trace.capture.Endpoint;
import org.smbscope.trace.diagnose.Diagnosis;
import org.smbscope.trace.diagnose.Observations;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/**
 * Hostile bytes through the whole analysis: decode, explain, diagnose must never throw. The input
 * is cut into messages at 0x00 0x00 0x00 separators; each message's first byte picks its layer
 * and direction (0x0B set: Kerberos).
 */
class ExplainFuzzTest {
    @FuzzTest
    void explain(byte[] input) throws Exception {
        Endpoint c = new Endpoint(InetAddress.getLoopbackAddress(), 40000);
        Endpoint s = new Endpoint(InetAddress.getLoopbackAddress(), 445);
        List<Exchange> xs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || i + 2 < input.length && input[i] == 0 && input[i + 1] == 0 && input[i + 2] == 0) {
                if (i > start) {
                    byte[] m = Arrays.copyOfRange(input, start, i);
                    Layer layer = (m[0] & 0x0B) == 0x0B ? Layer.KERBEROS : switch (m[0] & 3) {
                        case 0 -> Layer.NBNS;
                        case 1 -> Layer.NBSS;
                        default -> Layer.ofSmbPayload(Arrays.copyOfRange(m, 1, m.length));
                    };
                    xs.add(new Exchange(xs.size() + 1, xs.size() + 1, Instant.EPOCH.plusSeconds(xs.size()), c, s,
                            (m[0] & 4) == 0 ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT, layer,
                            Arrays.copyOfRange(m, 1, m.length)));
                }
                start = i + 3;
            }
        }
        List<Message> ms = MessageDecoder.decodeAll(xs);
        Explainer.explain(ms).render();
        Diagnosis.run(Observations.of(ms)).forEach(f -> f.render());
    }
}
