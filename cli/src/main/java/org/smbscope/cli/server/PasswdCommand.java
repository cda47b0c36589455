package org.smbscope.cli.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.server.auth.PasswdAction;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smbscope passwd}: manages users in the smbpasswd file, with smbpasswd(8)'s options. */
@Command(name = "passwd", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add, delete, disable, enable a user or change a password in the smbpasswd file"
                + " (passdb backend = smbpasswd:PATH of the smb.conf), as Samba's smbpasswd does.")
public final class PasswdCommand implements Callable<Integer> {
    /** Samba's compiled-in default on Debian. */
    static final Path DEFAULT_FILE = Path.of("/var/lib/samba/private/smbpasswd");

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--configfile"}, paramLabel = "smb.conf", description = "Configuration naming the smbpasswd file.")
    Path config;

    static final class Action {
        @Option(names = "-a", description = "Add the user (or set its password if it exists).")
        boolean add;
        @Option(names = "-x", description = "Delete the user.")
        boolean delete;
        @Option(names = "-d", description = "Disable the user.")
        boolean disable;
        @Option(names = "-e", description = "Enable the user.")
        boolean enable;
    }

    @ArgGroup(exclusive = true)
    Action action;

    @Option(names = "-s", description = "Silent: read the new password twice from standard input, one per line.")
    boolean silent;

    @Parameters(paramLabel = "USER")
    String user;

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path file = DEFAULT_FILE;
        if (config != null) {
            ServerConfig c = SmbConfParser.parse(config);
            if (c.passdbPath() == null) {
                throw new CommandFailedException(ExitCode.FAILED, config + " has no 'passdb backend = smbpasswd:PATH'");
            }
            file = c.passdbPath();
        }
        PasswdAction act = action == null ? PasswdAction.CHANGE
                : action.add ? PasswdAction.ADD : action.delete ? PasswdAction.DELETE
                : action.disable ? PasswdAction.DISABLE : PasswdAction.ENABLE;
        String password = null;
        if (act.needsPassword()) {
            password = readPassword(out);
        }
        SmbPasswdFile f = SmbPasswdFile.read(file);
        try {
            f = act.apply(f, user, password, Clock.systemUTC().instant().getEpochSecond(),
                    org.smbscope.server.auth.UnixAccounts.uid(Path.of("/etc/passwd"), user));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.FAILED, e.getMessage());
        }
        f.write(file);
        if (json) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("user", user);
            doc.put("action", act.name().toLowerCase(java.util.Locale.ROOT));
            doc.put("file", file.toString());
            out.println(new org.smbscope.cli.JsonOutput().write(doc));
            out.flush();
        } else if (!silent) {
            out.println(switch (act) {
                case ADD -> "Added user " + user + ".";
                case DELETE -> "Deleted user " + user + ".";
                case DISABLE -> "Disabled user " + user + ".";
                case ENABLE -> "Enabled user " + user + ".";
                case CHANGE -> "Changed password for user " + user + ".";
            });
            out.flush();
        }
        return ExitCode.OK.code();
    }

    private String readPassword(PrintWriter out) throws IOException {
        java.io.Console console = System.console();
        String a;
        String b;
        if (!silent && console != null) {
            char[] p1 = console.readPassword("New SMB password:");
            char[] p2 = console.readPassword("Retype new SMB password:");
            a = p1 == null ? null : new String(p1);
            b = p2 == null ? null : new String(p2);
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            a = in.readLine();
            b = in.readLine();
        }
        if (a == null || b == null) {
            throw new CommandFailedException(ExitCode.FAILED, "no password given on standard input (two lines expected)");
        }
        if (!a.equals(b)) {
            throw new CommandFailedException(ExitCode.FAILED, "Mismatch - password unchanged.");
        }
        return a;
    }
}
