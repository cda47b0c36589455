package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.capture.CapturedPacket;
import org.smbscope.trace.capture.PacketDissector;
import org.smbscope.trace.capture.Segment;

/** A real capture with one data segment taken out: analyze says how many bytes are missing, and goes on. */
class AnalyzeGapsTest {
    @TempDir
    Path dir;

    @Test
    void aLostSegmentIsNarratedAsMissingBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        out.write(h.array());
        int dataSegments = 0;
        int lost = -1;
        try (CaptureReader r = CaptureReader.open(AnalyzeCommandTest.CAPTURES.resolve("b_smb3_default.pcapng"))) {
            for (CapturedPacket p; (p = r.next()) != null; ) {
                Optional<Segment> s = PacketDissector.dissect(p);
                if (s.isPresent() && s.get().transport() == Segment.Transport.TCP && s.get().payload().length > 0
                        && ++dataSegments == 12) {
                    lost = s.get().payload().length;
                    continue;
                }
                ByteBuffer rh = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                rh.putInt((int) p.time().getEpochSecond()).putInt(p.time().getNano()).putInt(p.data().length)
                        .putInt(p.data().length);
                out.write(rh.array());
                out.write(p.data());
            }
        }
        Path file = dir.resolve("lossy.pcap");
        Files.write(file, out.toByteArray());
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--max-pending", "0", file.toString());
        assertThat(run.out()).contains("1 TCP gaps")
                .contains(lost + " bytes missing from the capture here")
                .contains("TREE_CONNECT");
        AnalyzeCommandTest.Run atEnd = AnalyzeCommandTest.run("analyze", file.toString());
        assertThat(atEnd.out()).contains(lost + " bytes missing from the capture here");
    }
}
