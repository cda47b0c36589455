package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;
import org.smbscope.trace.explain.MessageSlimmer;

/**
 * Any bytes as a capture file: the slim path (mapped file, file data passed over) fails only with decode
 * errors, and where it succeeds it gives what the full path (stream, every byte copied) gives after slimming.
 */
class SlimExchangesFuzzTest {
    private static final int KEEP = 64;

    private static List<String> analyze(CaptureExchanges x) throws IOException, CaptureDecodeException {
        MessageSlimmer slimmer = new MessageSlimmer(KEEP);
        List<String> out = new ArrayList<>();
        try (x) {
            for (Exchange e; (e = x.next()) != null; ) {
                for (Message m : MessageDecoder.decode(e)) {
                    Message s = slimmer.slim(m);
                    out.add(s.exchange().index() + " " + s.exchange().frame() + " " + s.summary() + "\n" + s.detail().render()
                            + java.util.HexFormat.of().formatHex(s.exchange().payload()));
                }
            }
        }
        return out;
    }

    @FuzzTest
    void slimMatchesFull(byte[] input) throws IOException {
        Path file = Files.createTempFile("slim-fuzz", ".pcap");
        try {
            Files.write(file, input);
            List<String> full;
            try {
                full = analyze(new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(input)),
                        CaptureExchanges.Limits.DEFAULT));
            } catch (CaptureDecodeException expected) {
                full = null;
            }
            List<String> slim;
            try {
                slim = analyze(CaptureExchanges.slim(CaptureReader.open(file), CaptureExchanges.Limits.DEFAULT, KEEP));
            } catch (CaptureDecodeException expected) {
                slim = null;
            }
            if (full != null && slim != null) {
                assertThat(slim).isEqualTo(full);
            }
        } finally {
            Files.delete(file);
        }
    }
}
