package org.smbscope.cli.doctor;

import java.util.List;
import org.smbscope.trace.diagnose.Finding;
import org.smbscope.trace.diagnose.Severity;

/** The findings section of the text report, and the exit code findings lead to. */
final class FindingsText {
    private FindingsText() {
    }

    static String render(List<Finding> findings) {
        StringBuilder sb = new StringBuilder("\nFindings (most important first)\n");
        if (findings.isEmpty()) {
            sb.append("  None: nothing in this exchange explains a failure.\n");
        }
        int i = 1;
        for (Finding f : findings) {
            sb.append(String.format("%n%d. ", i++)).append(f.render());
        }
        return sb.toString();
    }

    /** 1 (FAILED) when an ERROR finding was made, else 0. */
    static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)
                ? org.smbscope.cli.ExitCode.FAILED.code() : org.smbscope.cli.ExitCode.OK.code();
    }
}
