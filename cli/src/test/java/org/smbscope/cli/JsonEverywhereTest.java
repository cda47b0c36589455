package org.smbscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command offers {@code --json}: the ones whose output is not a network answer. */
class JsonEverywhereTest {

    private static String run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void exitCodes() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(run("exit-codes", "--json"));
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.get(0).get("code").asInt()).isZero();
    }

    @Test
    void serveCheck() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(run("serve", "--check", "--json"));
        assertThat(plan.get("config").asText()).isEqualTo("embedded default");
        assertThat(plan.get("shares").toString()).contains("demo");
    }

    @Test
    void everyCommandHasJson() {
        CommandLine cl = Main.commandLine();
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help") || e.getKey().equals("net")) {
                continue; // help prints usage; net's only verb (view) has --json
            }
            assertThat(e.getValue().getCommandSpec().findOption("--json")).as(e.getKey()).isNotNull();
        }
    }
}
