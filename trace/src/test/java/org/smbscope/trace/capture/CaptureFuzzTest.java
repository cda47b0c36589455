package org.smbscope.trace.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Any bytes as a capture: frames, dissection, reassembly and framing fail only with decode errors. */
class CaptureFuzzTest {
    @FuzzTest
    void readCapture(byte[] input) throws IOException {
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(input))) {
            TcpReassembler tcp = new TcpReassembler(1 << 16);
            SessionFramer framer = new SessionFramer(1 << 16);
            for (CapturedPacket p; (p = r.next()) != null; ) {
                var seg = PacketDissector.dissect(p);
                if (seg.isPresent() && seg.get().transport() == Segment.Transport.TCP) {
                    for (StreamChunk c : tcp.accept(seg.get())) {
                        framer.accept(c.data());
                    }
                }
            }
        } catch (CaptureDecodeException expected) {
            // bounded failure
        }
    }
}
