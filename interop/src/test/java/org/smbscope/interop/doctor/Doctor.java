package org.smbscope.interop.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.cli.Main;
import org.smbscope.interop.fixture.Samba;
import picocli.CommandLine;

/** Runs {@code smbscope doctor} (or analyze) in this JVM against a Samba and reads its JSON. */
final class Doctor {
    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(stdout);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + output(), e);
            }
        }

        /** The rule of the most important finding, or "" when there is none. */
        String topRule() {
            JsonNode f = json().path("findings");
            return f.isEmpty() ? "" : f.get(0).path("rule").asText();
        }

        String topSeverity() {
            JsonNode f = json().path("findings");
            return f.isEmpty() ? "" : f.get(0).path("severity").asText();
        }
    }

    private Doctor() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    static Result doctor(Samba samba, String share, String... extra) {
        List<String> a = new ArrayList<>(List.of("doctor", "//" + samba.address().getHostAddress()
                + (share == null ? "" : "/" + share), "--timeout", "2"));
        a.addAll(List.of(extra));
        return run(a.toArray(String[]::new));
    }
}
