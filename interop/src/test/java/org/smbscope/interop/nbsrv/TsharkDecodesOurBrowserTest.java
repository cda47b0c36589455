package org.smbscope.interop.nbsrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.DatagramNodeType;
import org.smbscope.codec.netbios.DatagramType;
import org.smbscope.codec.netbios.DirectDatagram;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.browse.Announcement;
import org.smbscope.codec.netbios.browse.AnnouncementRequest;
import org.smbscope.codec.netbios.browse.BecomeBackup;
import org.smbscope.codec.netbios.browse.BrowserMessage;
import org.smbscope.codec.netbios.browse.BrowserMessages;
import org.smbscope.codec.netbios.browse.GetBackupListRequest;
import org.smbscope.codec.netbios.browse.GetBackupListResponse;
import org.smbscope.codec.netbios.browse.MasterAnnouncement;
import org.smbscope.codec.netbios.browse.RequestElection;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/** Every browser message we encode, in a NetBIOS datagram on UDP 138, dissected by tshark without complaint. */
class TsharkDecodesOurBrowserTest {
    static Path pcap;
    static final List<BrowserMessage> MESSAGES = List.of(
            Announcement.host(1, 60_000, "FILESRV", 6, 1, 0x00019a03L, "smbscope server"),
            Announcement.localMaster(2, 120_000, "FILESRV", 6, 1, 0x00059a03L, "smbscope server"),
            Announcement.domain(3, 60_000, "SCOPEGRP", 6, 1, 0x80001000L, "FILESRV"),
            new RequestElection(1, 0x41010f82L, 12_345, "FILESRV"),
            new AnnouncementRequest("CLIENT"),
            new GetBackupListRequest(4, 0x11223344L),
            new GetBackupListResponse(0x11223344L, List.of("FILESRV", "BACKUP1")),
            new BecomeBackup("BACKUP1"),
            new MasterAnnouncement("FILESRV"));

    @BeforeAll
    static void write() throws IOException {
        pcap = Files.createDirectories(Path.of("target", "interop").toAbsolutePath()).resolve("our-browser.pcap");
        Inet4Address src = (Inet4Address) InetAddress.getByName("127.0.0.66");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(le(24).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(101).array()); // LINKTYPE_RAW: packets start with the IPv4 header
        int id = 1;
        for (BrowserMessage m : MESSAGES) {
            boolean group = m instanceof RequestElection || m.opcode() == 15 || m.opcode() == 12 || m instanceof BecomeBackup;
            NetbiosName dst = m.opcode() == 12 ? NetbiosName.msBrowse()
                    : NetbiosName.of("SCOPEGRP", group ? 0x1E : 0x1D);
            byte[] dgm = DirectDatagram.of(group ? DatagramType.DIRECT_GROUP : DatagramType.DIRECT_UNIQUE,
                    DatagramNodeType.M_NODE, id, src, 138, NetbiosName.of("FILESRV", 0), dst,
                    BrowserMessages.encodeMailslot(BrowserMessages.BROWSE_MAILSLOT, m)).encode();
            byte[] ip = ipv4Udp(new byte[] {127, 0, 0, 66}, new byte[] {127, 0, 0, 67}, 138, 138, dgm, id++);
            out.write(le(16).putInt(id).putInt(0).putInt(ip.length).putInt(ip.length).array());
            out.write(ip);
        }
        Files.write(pcap, out.toByteArray());
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] ipv4Udp(byte[] from, byte[] to, int sport, int dport, byte[] payload, int id) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) id).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(from).put(to);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((b.get(i) & 0xFF) << 8) | (b.get(i + 1) & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        b.putShort(10, (short) ~sum);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    static ProcessResult tshark(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("tshark").toString(), "-n", "-r", pcap.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(60), cmd);
    }

    @Test
    void noMalformedPacketsAndNoExpertWarnings() {
        ProcessResult verbose = tshark("-V");
        assertThat(verbose.exitCode()).as(verbose.output()).isZero();
        assertThat(verbose.stdout()).doesNotContain("Malformed").doesNotContain("Exception occurred");
        ProcessResult expert = tshark("-q", "-z", "expert,warn");
        assertThat(expert.stdout()).as(expert.output()).doesNotContainIgnoringCase("malformed");
    }

    @Test
    void tsharkReadsOurFields() {
        ProcessResult r = tshark("-Y", "browser", "-T", "fields", "-E", "separator=|", "-e", "browser.command",
                "-e", "browser.server", "-e", "browser.comment", "-e", "browser.period", "-e", "browser.election.criteria",
                "-e", "browser.backup.count", "-e", "browser.backup.server", "-e", "browser.response_computer_name",
                "-e", "browser.mb_server");
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(MESSAGES.size());
        assertThat(lines.get(0)).startsWith("0x01|FILESRV|smbscope server|60000|");
        assertThat(lines.get(1)).startsWith("0x0f|FILESRV|smbscope server|120000|");
        assertThat(lines.get(2)).startsWith("0x0c|SCOPEGRP|");
        assertThat(lines.get(3)).startsWith("0x08|FILESRV|").contains("|0x41010f82|");
        assertThat(lines.get(4)).startsWith("0x02|").contains("CLIENT");
        assertThat(lines.get(5)).startsWith("0x09|").contains("|4|");
        assertThat(lines.get(6)).startsWith("0x0a|").contains("FILESRV,BACKUP1");
        assertThat(lines.get(7)).startsWith("0x0b|");
        assertThat(lines.get(8)).startsWith("0x0d|").contains("FILESRV");
    }
}
