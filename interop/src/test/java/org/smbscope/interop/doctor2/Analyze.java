package org.smbscope.interop.doctor2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.cli.Main;
import picocli.CommandLine;

/** Runs an smbscope command in this JVM and keeps its output. */
final class Analyze {
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

        List<String> rules() {
            List<String> out = new ArrayList<>();
            json().path("findings").forEach(f -> out.add(f.path("rule").asText()));
            return out;
        }

        JsonNode finding(String rule) {
            for (JsonNode f : json().path("findings")) {
                if (f.path("rule").asText().equals(rule)) {
                    return f;
                }
            }
            throw new AssertionError("no finding " + rule + ": " + output());
        }
    }

    private Analyze() {
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
}
