package org.smbscope.trace.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.codec.smb2.Smb2Packet;

/**
 * Our decode of every SMB2 and SMB1 message in the reference captures agrees with tshark's on
 * command, status, message id, session id, tree id and direction. The tshark side was taken once
 * with {@code tshark -r FILE -Y smb2.cmd -T fields -e frame.number -e smb2.cmd -e smb2.nt_status
 * -e smb2.msg_id -e smb2.sesid -e smb2.tid -e smb2.flags.response} (and the smb.* fields for SMB1)
 * and kept in {@code src/test/resources/tshark}.
 */
class TsharkAgreementTest {
    static List<String[]> tshark(String file) throws Exception {
        try (InputStream in = TsharkAgreementTest.class.getResourceAsStream("/tshark/" + file)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(line.split("\\|", -1));
                }
            }
            return rows;
        }
    }

    static Map<Long, List<Message>> byFrame(List<Message> ms, Class<?> type) {
        Map<Long, List<Message>> out = new LinkedHashMap<>();
        for (Message m : ms) {
            if (type.isInstance(m.decoded())) {
                out.computeIfAbsent(m.exchange().frame(), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    static List<String> col(String[] row, int i) {
        return row[i].isEmpty() ? List.of() : Arrays.asList(row[i].split(","));
    }

    @ParameterizedTest
    @CsvSource({"b_smb3_default, 57", "d_wrong_password, 6", "f_anonymous_guest, 113", "h_port139_nbss, 54",
        "j_ntlmv1_lm, 24", "k_impacket_server, 60", "l_impacket_client, 14"})
    void smb2(String capture, int frames) throws Exception {
        Map<Long, List<Message>> ours = byFrame(Captures.messages(capture + ".pcapng"), Smb2Packet.class);
        List<String[]> rows = tshark(capture + ".smb2.txt");
        assertThat(rows).hasSize(frames);
        int compared = 0;
        for (String[] row : rows) {
            long frame = Long.parseLong(row[0]);
            List<Message> ms = ours.get(frame);
            assertThat(ms).as("frame %d of %s", frame, capture).isNotNull();
            List<String> cmd = col(row, 1);
            assertThat(ms).as("frame %d", frame).hasSameSizeAs(cmd);
            for (int i = 0; i < ms.size(); i++) {
                Smb2Packet p = (Smb2Packet) ms.get(i).decoded();
                String where = capture + " frame " + frame + " #" + i;
                assertThat(p.header().command().value()).as(where).isEqualTo(Integer.parseInt(cmd.get(i)));
                assertThat(p.header().messageId()).as(where).isEqualTo(Long.parseLong(col(row, 3).get(i)));
                assertThat(p.header().sessionId()).as(where).isEqualTo(Long.parseUnsignedLong(col(row, 4).get(i).substring(2), 16));
                assertThat(p.isResponse()).as(where).isEqualTo(col(row, 6).get(i).equals("1") || col(row, 6).get(i).equals("True"));
                if (p.isResponse()) {
                    List<String> st = col(row, 2);
                    assertThat(p.header().status().value()).as(where)
                            .isEqualTo((int) Long.parseLong(st.get(Math.min(i, st.size() - 1)).substring(2), 16));
                }
                List<String> tid = col(row, 5);
                if (!p.header().isAsync() && tid.size() == ms.size()) {
                    assertThat(p.header().treeId() & 0xFFFFFFFFL).as(where).isEqualTo(Long.parseLong(tid.get(i).substring(2), 16));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(frames);
    }

    @ParameterizedTest
    @CsvSource({"a_smb1_nt1, 84", "h_port139_nbss, 20", "j_ntlmv1_lm, 22", "k_impacket_server, 14", "l_impacket_client, 2"})
    void smb1(String capture, int frames) throws Exception {
        Map<Long, List<Message>> ours = byFrame(Captures.messages(capture + ".pcapng"), Smb1Part.class);
        List<String[]> rows = tshark(capture + ".smb1.txt");
        assertThat(rows).hasSize(frames);
        for (String[] row : rows) {
            long frame = Long.parseLong(row[0]);
            List<Message> ms = ours.get(frame);
            String where = capture + " frame " + frame;
            assertThat(ms).as(where).isNotNull();
            List<String> cmd = col(row, 1).stream().filter(c -> !c.equals("0xff")).toList();
            assertThat(ms.stream().map(m -> String.format("0x%02x", ((Smb1Part) m.decoded()).message().command().value()))
                    .toList()).as(where).isEqualTo(cmd);
            Smb1Part p = (Smb1Part) ms.get(0).decoded();
            assertThat(p.header().mid()).as(where).isEqualTo(Integer.parseInt(col(row, 3).get(0)));
            assertThat(p.header().uid()).as(where).isEqualTo(Integer.parseInt(col(row, 4).get(0)));
            assertThat(p.header().tid()).as(where).isEqualTo(Integer.parseInt(col(row, 5).get(0)));
            assertThat(p.header().isReply()).as(where).isEqualTo(col(row, 6).get(0).equals("1") || col(row, 6).get(0).equals("True"));
            if (!col(row, 2).isEmpty() && p.header().ntStatus()) {
                assertThat(p.header().status()).as(where).isEqualTo(Long.parseLong(col(row, 2).get(0).substring(2), 16));
            }
        }
    }
}
