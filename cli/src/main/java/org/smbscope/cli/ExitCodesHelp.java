package org.smbscope.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smbscope exit-codes}: the table of exit codes. */
@Command(name = "exit-codes", description = "List the exit codes every smbscope command uses.")
final class ExitCodesHelp implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the table as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (ExitCode c : ExitCode.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", c.code());
                row.put("meaning", c.meaning());
                rows.add(row);
            }
            out.println(new JsonOutput().write(rows));
        } else {
            for (ExitCode c : ExitCode.values()) {
                out.printf("%3d  %s%n", c.code(), c.meaning());
            }
        }
        out.flush();
        return 0;
    }
}
