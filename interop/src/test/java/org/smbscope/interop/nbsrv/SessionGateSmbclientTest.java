package org.smbscope.interop.nbsrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.server.netbios.SessionGate;

/**
 * Samba's smbclient on port 139 against a listener that only runs our {@link SessionGate} (and then hangs up):
 * which session requests smbclient sends and how it reacts to our positive and negative (0x82) responses.
 */
class SessionGateSmbclientTest {
    static InetAddress address;
    static ServerSocket listener;
    static Path conf;
    static final List<SessionGate.Admission> ADMISSIONS = new CopyOnWriteArrayList<>();
    static final SessionGate GATE = new SessionGate(java.util.Set.of(NetbiosName.of("GATESRV", 0x20)), Duration.ofSeconds(5));

    @BeforeAll
    static void listen() throws IOException {
        Peers.requireRoot();
        address = LoopbackAddresses.allocate();
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, 139));
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            ADMISSIONS.add(GATE.admit(s));
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        Path dir = Path.of("target", "interop", "nbsrv-gate-" + address.getHostAddress()).toAbsolutePath();
        Files.createDirectories(dir);
        conf = dir.resolve("smb.conf");
        Files.writeString(conf, String.join("\n", "[global]", "  lock directory = " + dir, "  state directory = " + dir,
                "  cache directory = " + dir, "  private dir = " + dir, "  pid directory = " + dir,
                "  ncalrpc dir = " + dir, "  client min protocol = NT1", "  name resolve order = host", ""));
    }

    @AfterAll
    static void close() throws IOException {
        if (listener != null) {
            listener.close();
            LoopbackAddresses.release(address);
        }
    }

    @BeforeEach
    void clear() {
        ADMISSIONS.clear();
    }

    static ProcessResult smbclient(String server) {
        return ProcessRunner.run(Duration.ofSeconds(30), List.of(Peers.require("smbclient").toString(), "-s",
                conf.toString(), "-L", "//" + server, "-I", address.getHostAddress(), "-p", "139", "-m", "NT1", "-N"));
    }

    static List<String> calledNames() {
        return ADMISSIONS.stream().map(a -> a.request().map(r -> r.called().toString()).orElse("-") + " "
                + (a.accepted() ? "accepted" : "refused")).toList();
    }

    @Test
    void ourNameIsAcceptedAtOnce() throws Exception {
        ProcessResult r = smbclient("GATESRV");
        assertThat(r.exitCode()).as(r.output()).isNotZero(); // the gate hangs up after the session request
        awaitAdmissions(1);
        assertThat(calledNames()).as(r.output()).first().isEqualTo("GATESRV<20> accepted");
    }

    @Test
    void anotherNameIsRefusedWith0x82AndSmbclientRetriesWithStarSmbserver() throws Exception {
        ProcessResult r = smbclient("WRONGNAME");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        awaitAdmissions(2);
        // smbclient retries only after the 0x82, but the two connections' threads record in either order
        assertThat(calledNames().subList(0, 2)).as(r.output())
                .containsExactlyInAnyOrder("WRONGNAME<20> refused", "*SMBSERVER<20> accepted");
        assertThat(ADMISSIONS).as(r.output()).anySatisfy(a -> assertThat(a.reason()).contains("WRONGNAME<20> is not ours"));
    }

    static void awaitAdmissions(int n) throws InterruptedException {
        for (int i = 0; i < 50 && ADMISSIONS.size() < n; i++) {
            Thread.sleep(50);
        }
    }
}
