package org.smbscope.trace.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.explain.Captures;
import org.smbscope.trace.explain.Explainer;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;

/** Rules pair requests and responses through an index: a capture of 30 000 messages is diagnosed in seconds. */
class LargeStreamTest {
    @Test
    @Timeout(20)
    void thirtyThousandMessages() throws Exception {
        List<Exchange> one = Captures.exchanges("b_smb3_default.pcapng");
        List<Exchange> many = new ArrayList<>();
        while (many.size() < 30_000) {
            many.addAll(one);
        }
        List<Message> ms = MessageDecoder.decodeAll(many);
        assertThat(Diagnosis.run(Observations.of(ms))).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(Explainer.explain(ms).explanations()).hasSizeGreaterThanOrEqualTo(30_000);
    }
}
