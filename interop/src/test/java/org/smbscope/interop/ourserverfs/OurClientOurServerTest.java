package org.smbscope.interop.ourserverfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.cli.Main;
import org.smbscope.interop.fixture.Peers;
import picocli.CommandLine;

/** {@code smbscope smbclient} (our client) against our server's disk share: put, get, ls, every dialect. */
class OurClientOurServerTest {
    @TempDir
    static Path dir;
    static DiskServer server;
    static Path local;
    static byte[] data;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        server = DiskServer.start(dir);
        local = Files.createDirectories(dir.resolve("local"));
        data = new byte[9 << 20];
        new Random(11).nextBytes(data);
        Files.write(local.resolve("nine.bin"), data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new String[] {String.valueOf(rc), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"})
    void putGetLs(String dialect) throws Exception {
        String name = "nine-" + dialect + ".bin";
        List<String> a = new ArrayList<>(List.of("smbclient", server.unc("share"), "-U", DiskServer.CREDS, "-t", "60",
                "-m", dialect, "--option", "client min protocol=" + dialect, "-c",
                "lcd " + local + "; put nine.bin " + name + "; get " + name + " back-" + dialect + ".bin; ls"));
        String[] r = run(a.toArray(String[]::new));
        String output = String.join("\n", r);
        assertThat(r[0]).as(output).isEqualTo("0");
        assertThat(r[1]).as(output).contains(name);
        assertThat(Files.readAllBytes(server.share.resolve(name))).isEqualTo(data);
        assertThat(Files.readAllBytes(local.resolve("back-" + dialect + ".bin"))).isEqualTo(data);
    }
}
