package org.smbscope.interop.smb1;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * {@code smbscope smbclient -m NT1} and {@code smbscope net view} against Samba with SMB1 on and
 * nmbd the local master browser: share list and browse list (servers and workgroups) like Samba's
 * smbclient, put/get over 139 with the NT LM 0.12 session setup, net view of shares and of the
 * workgroup via WORKGROUP&lt;1D&gt;, and tshark's dissection of our SMB1 traffic with no malformed frame.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class Smb1CliTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.nmbd(true).global("server min protocol = NT1")
            .global("ntlm auth = yes").global("lanman auth = yes").global("local master = yes")
            .global("preferred master = yes").global("os level = 65").global("server string = smb1 interop"));

    @TempDir
    Path dir;

    private static List<String> rows(String output, String first) {
        Matcher m = Pattern.compile("(?ms)^\\t" + first + "[^\\n]*\\n\\t-+[^\\n]*\\n((?:\\t[^\\n]*\\n)*)").matcher(output);
        if (!m.find()) {
            return List.of();
        }
        return m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]).toList();
    }

    /** nmbd needs a while after startup to win the election and write its browse list: poll, bounded. */
    private static Smbscope.Result awaitBrowseList(String... args) throws InterruptedException {
        Samba s = SAMBA.samba();
        Smbscope.Result r = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            r = Smbscope.run(args);
            if (r.exitCode() == 0 && rows(r.stdout(), "Server").contains(s.netbiosName())
                    && r.stdout().matches("(?s).*\\t" + s.workgroup() + "\\s+" + s.netbiosName() + "\\s.*")) {
                return r;
            }
            Thread.sleep(500);
        }
        return r;
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void listsSharesAndTheBrowseListOverSmb1() throws Exception {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        Smbscope.Result ours = awaitBrowseList("smbclient", "-m", "NT1", "-L", "//" + addr, "-U", "alice%Passw0rd!");
        assertThat(ours.exitCode()).as(ours.output()).isZero();
        assertThat(ours.stdout()).contains("\tSharename       Type      Comment", "\tServer               Comment",
                "\tWorkgroup            Master");
        assertThat(rows(ours.stdout(), "Sharename")).contains("share", "guest", "IPC$");
        assertThat(rows(ours.stdout(), "Server")).contains(s.netbiosName());
        assertThat(rows(ours.stdout(), "Workgroup")).contains(s.workgroup());
        ProcessResult theirs = ProcessRunner.run(Duration.ofSeconds(30), List.of(Peers.require("smbclient").toString(),
                "-s", s.configFile().toString(), "-L", "//" + addr, "-U", "alice%Passw0rd!", "-W", s.workgroup(),
                "--option=client min protocol=NT1", "-m", "NT1"));
        // Samba's smbclient asks NetServerEnum2 for its own configured workgroup; the workgroups must agree
        assertThat(rows(theirs.stdout(), "Workgroup")).as(theirs.output()).containsExactlyInAnyOrderElementsOf(rows(ours.stdout(), "Workgroup"));

        Smbscope.Result json = Smbscope.run("smbclient", "-m", "NT1", "-L", "//" + addr, "-U", "alice%Passw0rd!", "--json");
        assertThat(json.stdout()).contains("\"dialect\" : \"NT1\"", "\"servers\"", "\"workgroups\"", "\"name\" : \"" + s.netbiosName() + "\"");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void netViewListsSharesAndTheWorkgroupsServers() throws Exception {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        awaitBrowseList("smbclient", "-m", "NT1", "-L", "//" + addr, "-U", "alice%Passw0rd!");
        Smbscope.Result shares = Smbscope.run("net", "view", "//" + addr, "-U", "alice%Passw0rd!");
        assertThat(shares.exitCode()).as(shares.output()).isZero();
        assertThat(shares.stdout()).contains("Shared resources at \\\\" + addr, "share       Disk", "The command completed successfully.");
        Smbscope.Result smb1 = Smbscope.run("net", "view", "//" + addr, "-m", "NT1");
        assertThat(smb1.exitCode()).as(smb1.output()).isZero();
        assertThat(smb1.stdout()).as("anonymous, with the NetServerGetInfo remark").contains("smb1 interop", "guest       Disk");
        Smbscope.Result servers = Smbscope.run("net", "view", "--domain", s.workgroup(), "-R", addr);
        assertThat(servers.exitCode()).as(servers.output()).isZero();
        assertThat(servers.stdout()).contains("Server Name            Remark", "\\\\" + s.netbiosName(), "smb1 interop");
        Smbscope.Result json = Smbscope.run("net", "view", "--domain", s.workgroup(), "-R", addr, "--json");
        assertThat(json.stdout()).contains("\"masterBrowser\" : \"" + addr + "\"", "\"name\" : \"" + s.netbiosName() + "\"");
        Smbscope.Result none = Smbscope.run("net", "view", "--domain", "NOSUCHGROUP", "-R", addr);
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.stderr()).contains("no master browser for workgroup NOSUCHGROUP", "System error 6118");
    }

    @Test
    @org.junit.jupiter.api.Order(1) // first: it does not need nmbd's browse list, which takes ~30 s to appear
    void putAndGetOver139WithoutExtendedSecurityAndTsharkDecodesIt() throws Exception {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        Path pcap = dir.resolve("smb1.pcapng");
        Process tshark = new ProcessBuilder(Peers.require("tshark").toString(), "-i", "lo", "-f",
                "host " + addr + " and (tcp port 445 or tcp port 139)", "-w", pcap.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tshark.out").toFile()).start();
        byte[] data = new byte[1024 * 1024 + 1];
        new Random(7).nextBytes(data);
        Files.write(dir.resolve("big.bin"), data);
        Files.writeString(dir.resolve("f.txt"), "tshark sees this\n");
        try {
            awaitCapturing(dir.resolve("tshark.out"));
            Smbscope.Result r = Smbscope.smbclient(s, "share", "lcd " + dir + "; put big.bin; get big.bin back.bin; "
                    + "mkdir d; put f.txt d\\f.txt; ls d\\*; stat d\\f.txt; rename d\\f.txt d\\g.txt; rm d\\g.txt; rmdir d",
                    "-m", "NT1", "-p", "139", "--no-extended-security", "--option", "client ntlmv2 auth=no");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.stdout()).contains("f.txt");
            Smbscope.Result ext = Smbscope.smbclient(s, "share", "lcd " + dir + "; put f.txt; ls; get f.txt g.txt; rm f.txt",
                    "-m", "NT1");
            assertThat(ext.exitCode()).as(ext.output()).isZero();
            Smbscope.Result list = Smbscope.run("smbclient", "-m", "NT1", "-L", "//" + addr, "-U", "alice%Passw0rd!");
            assertThat(list.exitCode()).as(list.output()).isZero();
            Thread.sleep(500);
        } finally {
            tshark.destroy();
            tshark.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(sha256(Files.readAllBytes(dir.resolve("back.bin")))).isEqualTo(sha256(data));
        assertThat(sha256(Files.readAllBytes(s.shareDir("share").resolve("big.bin")))).isEqualTo(sha256(data));
        assertThat(read(pcap, "smb").stdout().lines().count()).isGreaterThan(40);
        assertThat(read(pcap, "_ws.malformed || _ws.expert.severity == error").stdout()).as("malformed or expert-error frames").isEmpty();
        assertThat(read(pcap, "smb.cmd == 0x73 && smb.flags2.esn == 0").stdout()).as("NT LM 0.12 session setup").isNotEmpty();
        assertThat(read(pcap, "lanman").stdout()).as("RAP").isNotEmpty();
        assertThat(read(pcap, "tcp.port == 139 && smb").stdout()).as("SMB1 over the NetBIOS session service").isNotEmpty();
    }

    private static ProcessResult read(Path pcap, String filter) {
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(60),
                List.of(Peers.require("tshark").toString(), "-n", "-r", pcap.toString(), "-Y", filter));
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r;
    }

    private static void awaitCapturing(Path out) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(out) && Files.readString(out).contains("Capturing on")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tshark did not start capturing: " + (Files.exists(out) ? Files.readString(out) : ""));
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
