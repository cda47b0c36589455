package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SMB1 message (one per TCP segment, up to 8 KiB) of the reference captures a_smb1_nt1, j_ntlmv1_lm,
 * h_port139_nbss, k_impacket_server and l_impacket_client decodes, renders, and survives
 * encode -> decode unchanged (file name = capture_frame.bin).
 */
class CaptureReplayTest {
    static Stream<Path> messages() throws IOException, URISyntaxException {
        Path dir = Path.of(CaptureReplayTest.class.getResource("replay").toURI());
        return Files.list(dir).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesAndRoundTrips(Path file) throws Exception {
        byte[] wire = Files.readAllBytes(file);
        Smb1Packet p = Smb1Packet.decode(wire);
        List<Smb1Message> decoded = Smb1Messages.decode(wire);
        assertThat(decoded).hasSameSizeAs(p.blocks());
        for (Smb1Message m : decoded) {
            assertThat(m.detail().render()).isNotBlank();
        }
        byte[] again = Smb1Packet.encode(p.header(), decoded);
        List<Smb1Message> redecoded = Smb1Messages.decode(again);
        assertThat(redecoded).extracting(m -> m.detail().render())
                .isEqualTo(decoded.stream().map(m -> m.detail().render()).toList());
        assertThat(Smb1Packet.encode(p.header(), redecoded)).isEqualTo(again);
        assertThat(redecoded).isEqualTo(decoded);
    }
}
