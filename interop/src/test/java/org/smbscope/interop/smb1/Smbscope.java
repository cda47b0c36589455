package org.smbscope.interop.smb1;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.cli.Main;
import org.smbscope.interop.fixture.Samba;

import picocli.CommandLine;

/** Runs {@code smbscope ...} in this JVM and captures its output. */
final class Smbscope {
    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private Smbscope() {
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

    /** {@code smbscope smbclient //addr/share -U alice%Passw0rd! EXTRA... -c CMDS}. */
    static Result smbclient(Samba samba, String share, String commands, String... extra) {
        List<String> a = new ArrayList<>(List.of("smbclient", "//" + samba.address().getHostAddress() + "/" + share,
                "-U", "alice%Passw0rd!", "-t", "60"));
        a.addAll(List.of(extra));
        a.add("-c");
        a.add(commands);
        return run(a.toArray(String[]::new));
    }
}
