package org.smbscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.cli.doctor.DoctorCommand;
import picocli.CommandLine;

/** One run of {@code smbscope doctor} against a {@link DemoServer}, captured for the demo. */
record DoctorRun(int port, String commandLine, String output, int exitCode) {

    static DoctorRun run(DemoServer server, boolean json, String... extra) {
        List<String> args = new ArrayList<>(List.of(server.unc(), "-p", Integer.toString(server.port()),
                "-U", DemoServer.USER + "%" + DemoServer.PASSWORD));
        args.addAll(List.of(extra));
        String shown = "smbscope doctor " + String.join(" ", args).replace(DemoServer.PASSWORD, "****");
        if (json) {
            args.add("--json");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DoctorCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return new DoctorRun(server.port(), shown, out + err.toString(), code);
    }

    /** The findings section of a text report (everything when there is none). */
    String findingsOnly() {
        int at = output.indexOf("Findings (most important first)");
        return at < 0 ? output : output.substring(at);
    }

    /** The doctor's JSON document (from a --json run). */
    JsonNode json() {
        try {
            return new ObjectMapper().readTree(output.substring(output.indexOf('{')));
        } catch (Exception e) {
            return new ObjectMapper().createObjectNode().put("error", output);
        }
    }
}
