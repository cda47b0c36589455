package org.smbscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code smbscope exit-codes}: the table of exit codes. */
@Command(name = "exit-codes", description = "List the exit codes every smbscope command uses.")
final class ExitCodesHelp implements Callable<Integer> {
    @Override
    public Integer call() {
        for (ExitCode c : ExitCode.values()) {
            System.out.printf("%3d  %s%n", c.code(), c.meaning());
        }
        return 0;
    }
}
