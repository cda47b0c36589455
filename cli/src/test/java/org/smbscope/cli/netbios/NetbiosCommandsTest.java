package org.smbscope.cli.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smbscope.cli.Main;
import org.smbscope.server.netbios.NameService;
import org.smbscope.server.netbios.NameServiceConfig;
import picocli.CommandLine;

/** Our nmblookup and nbtstat against our name service on loopback (ephemeral port). */
class NetbiosCommandsTest {
    static NameService ns;
    static String port;

    @BeforeAll
    static void start() throws Exception {
        ns = NameService.start(NameServiceConfig.builder().address(InetAddress.getLoopbackAddress()).port(0)
                .name("KIOPTRIX").workgroup("MYGROUP").build());
        port = String.valueOf(ns.localAddress().getPort());
    }

    @AfterAll
    static void stop() {
        ns.close();
    }

    record Run(int code, String out) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void nodeStatusLooksLikeSambasWithMeanings() {
        Run r = run("nmblookup", "-A", "127.0.0.1", "--port", port);
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Looking up status of 127.0.0.1\n")
                .contains("\tKIOPTRIX        <20> -         B <ACTIVE> ")
                .contains("File Server Service")
                .contains("\tMYGROUP         <00> - <GROUP> B <ACTIVE> ")
                .contains("\tMAC Address = 00-00-00-00-00-00");
    }

    @Test
    void unicastQueryWithRecursion() {
        Run r = run("nmblookup", "-U", "127.0.0.1", "--port", port, "--recursion", "kioptrix");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("querying KIOPTRIX on 127.0.0.1").contains("127.0.0.1 KIOPTRIX<00>");
    }

    @Test
    void unknownNameFailsWithExitCode1() {
        Run r = run("nmblookup", "-U", "127.0.0.1", "--port", port, "MYGROUP#1d");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("name_query failed to find name MYGROUP#1d").contains("NAM_ERR");
    }

    @Test
    void queryThenStatusWithS() {
        Run r = run("nmblookup", "-U", "127.0.0.1", "--port", port, "-S", "KIOPTRIX#20");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("127.0.0.1 KIOPTRIX<20>").contains("Looking up status of 127.0.0.1");
    }

    @Test
    void nbtstatTable() {
        Run r = run("nbtstat", "-A", "127.0.0.1", "--port", port);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("NetBIOS Remote Machine Name Table")
                .contains("    KIOPTRIX       <20>  UNIQUE      Registered")
                .contains("    MYGROUP        <1E>  GROUP       Registered")
                .contains("MAC Address = 00-00-00-00-00-00");
    }

    @Test
    void nbtstatByNameResolvesThenAsksForStatus() {
        Run r = run("nbtstat", "-a", "KIOPTRIX", "-U", "127.0.0.1", "--port", port);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Node IpAddress: [127.0.0.1]").contains("KIOPTRIX       <00>  UNIQUE");
    }

    @Test
    void masterBrowserQueryAsksForThe1dName() {
        Run r = run("nmblookup", "-U", "127.0.0.1", "--port", port, "-M", "MYGROUP");
        assertThat(r.code()).isEqualTo(1); // our name service is not a master browser
        assertThat(r.out()).contains("name_query failed to find name MYGROUP");
    }

    @Test
    void jsonOutput() {
        Run r = run("nmblookup", "-A", "127.0.0.1", "--port", port, "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"suffix\" : \"20\"").contains("\"meaning\" : \"File Server Service\"");
    }

    @Test
    void noAnswerIsExitCode3() {
        Run r = run("nmblookup", "-A", "127.0.0.1", "--port", "9", "--timeout", "100ms", "--retries", "0");
        assertThat(r.code()).isEqualTo(3);
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version").out()).startsWith("smbscope ");
        assertThat(run("help", "nmblookup").out()).contains("--recursion");
        assertThat(run("nmblookup").code()).isEqualTo(2);
    }
}
