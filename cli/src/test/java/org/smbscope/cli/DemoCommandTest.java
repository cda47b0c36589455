package org.smbscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's main job: name service, a healthy connection walked by the doctor, and the seed's NTLM failure. */
class DemoCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void walksNamesAConnectionAndAFailure() {
        String[] r = run("demo");
        assertThat(r[1]).contains("DEMO<20> is registered: the File Server Service is on")
                .contains("Part 2.").contains("smbscope doctor //127.0.0.1/demo")
                .contains("Part 3.").contains("ntlmv2-only").contains("NT_STATUS_LOGON_FAILURE");
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
    }

    @Test
    void json() {
        String[] r = run("demo", "--json");
        assertThat(r[1]).contains("\"query\" : [ \"127.0.0.1\" ]").contains("File Server Service")
                .contains("\"doctor\"").contains("\"failure\"");
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
    }
}
