package org.smbscope.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.server.config.DefaultConfig;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.ServingPlan;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.netbios.NetbiosServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smbscope serve}: reads smb.conf (or the embedded default) and prints what it would serve.
 * The SMB 2/3 engine is not written yet, so after printing the plan it stops with exit code 1
 * ({@code --check} only prints and exits 0, like Samba's testparm).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve shares over SMB 2/3 as configured in an smb.conf (default: a guest demo share on 127.0.0.1).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--configfile"}, paramLabel = "smb.conf", description = "Samba-style configuration file.")
    Path config;

    @Option(names = "--check", description = "Only read and check the configuration, print the plan and exit.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig c;
        if (config == null) {
            Path demo = Files.createTempDirectory("smbscope-demo");
            out.println("No -s smb.conf given; using the embedded default:");
            out.print(DefaultConfig.text(demo));
            out.println();
            c = DefaultConfig.load(demo);
        } else {
            c = SmbConfParser.parse(config);
        }
        out.print(ServingPlan.of(c).render());
        out.flush();
        if (check) {
            return ExitCode.OK.code();
        }
        NetbiosServices.startIfEnabled(c, out); // nmbd's part: names on UDP 137, browsing on UDP 138
        throw new CommandFailedException(ExitCode.FAILED,
                "the SMB 2/3 server engine is not implemented yet; configuration checked only");
    }
}
