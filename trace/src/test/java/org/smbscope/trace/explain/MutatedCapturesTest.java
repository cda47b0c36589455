package org.smbscope.trace.explain;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.trace.diagnose.Diagnosis;
import org.smbscope.trace.diagnose.Observations;
import org.smbscope.trace.event.Exchange;

/** Every reference capture with bytes flipped and messages cut short: explained and diagnosed, never a crash. */
class MutatedCapturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"a_smb1_nt1.pcapng", "b_smb3_default.pcapng", "d_wrong_password.pcapng",
        "f_anonymous_guest.pcapng", "g_nmblookup.pcapng", "h_port139_nbss.pcapng", "j_ntlmv1_lm.pcapng"})
    void mutationsNeverThrow(String capture) throws Exception {
        List<Exchange> xs = Captures.exchanges(capture);
        Random random = new Random(capture.hashCode());
        for (int round = 0; round < 40; round++) {
            List<Exchange> mutated = new ArrayList<>();
            for (Exchange e : xs) {
                byte[] p = e.payload().clone();
                if (p.length > 0 && random.nextInt(3) == 0) {
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                if (p.length > 0 && random.nextInt(6) == 0) {
                    p = java.util.Arrays.copyOf(p, random.nextInt(p.length));
                }
                mutated.add(new Exchange(e.index(), e.frame(), e.time(), e.client(), e.server(), e.direction(), e.layer(), p));
            }
            assertThatCode(() -> {
                List<Message> ms = MessageDecoder.decodeAll(mutated);
                Explainer.explain(ms).render();
                Diagnosis.run(Observations.of(ms)).forEach(f -> f.render());
            }).doesNotThrowAnyException();
        }
    }
}
