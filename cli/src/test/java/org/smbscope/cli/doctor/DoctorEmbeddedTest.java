package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.smbscope.cli.Main;
import picocli.CommandLine;

/** {@code smbscope doctor} with no target: the embedded server on loopback, walked step by step (issue 7's main job). */
class DoctorEmbeddedTest {

    @Test
    void walksTheEmbeddedServer() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("doctor");
        assertThat(out.toString()).contains("No target given: started the embedded server SMBSCOPE")
                .contains("3. Negotiate").contains("SMB 3.1.1").contains("Findings (most important first)");
        assertThat(code).as(out + "\n" + err).isZero();
    }
}
