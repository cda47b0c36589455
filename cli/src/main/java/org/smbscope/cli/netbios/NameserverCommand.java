package org.smbscope.cli.netbios;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.server.netbios.NameService;
import org.smbscope.server.netbios.NameServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smbscope nameserver}: a NetBIOS name service for one host's names, until interrupted. */
@Command(name = "nameserver", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a NetBIOS name service (UDP 137) that answers name queries and node status for its",
            "names (NAME<00>, <03>, <20>, WORKGROUP<00>, <1E>) and defends its unique names."})
public final class NameserverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bind", required = true, paramLabel = "ADDRESS", description = "Address to listen on (e.g. 127.0.0.2).")
    String bind;

    @Option(names = "--port", paramLabel = "N", description = "UDP port (default 137; 0 picks a free one).")
    int port = NameServiceConfig.DEFAULT_PORT;

    @Option(names = "--name", paramLabel = "NAME", description = "NetBIOS name of this host (default SMBSCOPE).")
    String name = "SMBSCOPE";

    @Option(names = "--workgroup", paramLabel = "WG", description = "Workgroup (default WORKGROUP).")
    String workgroup = "WORKGROUP";

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        NameServiceConfig config;
        try {
            config = NameServiceConfig.builder().address(NameLookups.address(bind, "bind address")).port(port)
                    .name(name).workgroup(workgroup).build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        }
        try (NameService ns = NameService.start(config)) {
            out.println("NetBIOS name service on " + ns.localAddress().getAddress().getHostAddress() + ":"
                    + ns.localAddress().getPort() + " answering for:");
            for (var n : ns.names()) {
                out.println(NetbiosText.nmblookupLine(n));
            }
            out.println("(Ctrl-C to stop)");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(ns::close));
            ns.awaitStop();
            return ExitCode.OK.code();
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.NETWORK, e.getMessage(), e);
        }
    }
}
