package org.smbscope.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.codec.wire.Hex;

/**
 * Reads the reference captures made with Samba (shared/captures, copied as test resources) and
 * checks the counts against what tshark reports for the same files.
 */
class CaptureReaderTest {

    static List<CapturedPacket> readAll(String name) throws Exception {
        try (InputStream in = CaptureReaderTest.class.getResourceAsStream("/captures/" + name);
             CaptureReader r = CaptureReader.open(in)) {
            List<CapturedPacket> out = new ArrayList<>();
            for (CapturedPacket p; (p = r.next()) != null; ) {
                out.add(p);
            }
            return out;
        }
    }

    /** Frame count (tshark's), session frames of each NBSS type (tshark -e nbss.type). */
    @ParameterizedTest
    @CsvSource({
        "b_smb3_default.pcapng, 76, '0=57'",
        "h_port139_nbss.pcapng, 105, '0=74 129=3 130=3'",
        "a_smb1_nt1.pcapng, 129, '0=84 129=1 130=1'",
    })
    void framesAndSessionMessagesMatchTshark(String file, int frames, String types) throws Exception {
        List<CapturedPacket> packets = readAll(file);
        assertThat(packets).hasSize(frames);
        assertThat(packets.get(0).linkType()).isEqualTo(1);

        TcpReassembler tcp = new TcpReassembler(1 << 20);
        Map<String, SessionFramer> framers = new TreeMap<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (CapturedPacket p : packets) {
            var seg = PacketDissector.dissect(p);
            if (seg.isEmpty() || seg.get().transport() != Segment.Transport.TCP) {
                continue;
            }
            for (StreamChunk c : tcp.accept(seg.get())) {
                SessionFramer f = framers.computeIfAbsent(c.conversation() + "/" + c.fromClient(), k -> new SessionFramer(1 << 24));
                for (SessionFramer.Frame fr : f.accept(c.data())) {
                    counts.merge(fr.type(), 1, Integer::sum);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        assertThat(sb.toString()).isEqualTo(types);
        assertThat(tcp.gapsSkipped()).isZero();
    }

    @Test
    void udpDatagramsOfNameServiceAreFound() throws Exception {
        long nbns = 0;
        for (CapturedPacket p : readAll("g_nmblookup.pcapng")) {
            var seg = PacketDissector.dissect(p);
            if (seg.isPresent() && seg.get().transport() == Segment.Transport.UDP
                    && seg.get().destination().port() == 137 || seg.isPresent() && seg.get().source().port() == 137) {
                nbns++;
            }
        }
        assertThat(nbns).isEqualTo(8); // tshark -Y nbns
    }

    @Test
    void classicPcapIsRead() throws Exception {
        byte[] file = Hex.parse("""
            d4 c3 b2 a1  02 00 04 00   # magic (LE, microseconds), version 2.4
            00 00 00 00  00 00 00 00   # thiszone, sigfigs
            ff ff 00 00  01 00 00 00   # snaplen 65535, LINKTYPE_ETHERNET
            01 00 00 00  02 00 00 00   # ts 1 s + 2 us
            03 00 00 00  03 00 00 00   # incl_len 3, orig_len 3
            aa bb cc                   # data
            """);
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            CapturedPacket p = r.next();
            assertThat(p.data()).containsExactly(0xaa, 0xbb, 0xcc);
            assertThat(p.time().getEpochSecond()).isEqualTo(1);
            assertThat(p.time().getNano()).isEqualTo(2000);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void hugeRecordLengthIsADecodeErrorNotAnAllocation() {
        byte[] file = Hex.parse("""
            d4 c3 b2 a1  02 00 04 00  00 00 00 00  00 00 00 00  ff ff 00 00  01 00 00 00
            00 00 00 00  00 00 00 00  ff ff ff 7f  ff ff ff 7f   # incl_len 2 GiB
            """);
        assertThatThrownBy(() -> CaptureReader.open(new ByteArrayInputStream(file)).next())
                .isInstanceOf(CaptureDecodeException.class).hasMessageContaining("incl_len");
    }

    @Test
    void truncatedPcapngBlockIsADecodeError() throws IOException {
        byte[] whole;
        try (InputStream in = getClass().getResourceAsStream("/captures/g_nmblookup.pcapng")) {
            whole = in.readAllBytes();
        }
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 10);
        assertThatThrownBy(() -> {
            try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(cut))) {
                while (r.next() != null) {
                    // read to the torn block
                }
            }
        }).isInstanceOf(CaptureDecodeException.class);
    }

    @Test
    void notACaptureFile() {
        assertThatThrownBy(() -> CaptureReader.open(new ByteArrayInputStream("GET / HTTP/1.1\r\n\r\n........".getBytes())))
                .isInstanceOf(CaptureDecodeException.class).hasMessageContaining("not a pcap");
    }
}
