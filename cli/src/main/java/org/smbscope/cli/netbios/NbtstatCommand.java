package org.smbscope.cli.netbios;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.cli.JsonOutput;
import org.smbscope.client.netbios.NameAnswer;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameQueryResult;
import org.smbscope.client.netbios.NodeStatusResult;
import org.smbscope.codec.netbios.NetbiosName;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smbscope nbtstat}: Windows' nbtstat remote name table (node status). */
@Command(name = "nbtstat", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a remote machine's NetBIOS name table, as Windows' nbtstat -A / -a does.")
public final class NbtstatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(names = "-A", paramLabel = "address", description = "Remote machine by IP address.")
        String address;

        @Option(names = "-a", paramLabel = "name", description = "Remote machine by NetBIOS name (resolved first, by -U or broadcast).")
        String name;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = {"-U", "--unicast"}, paramLabel = "server", description = "With -a: resolve the name by asking this server.")
    String unicast;

    @Option(names = {"-B", "--broadcast"}, paramLabel = "bcast", description = "With -a: broadcast address (default 255.255.255.255).")
    String broadcast = "255.255.255.255";

    @Option(names = "--port", paramLabel = "N", description = "Destination port (default 137).")
    int port = NameClient.PORT;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, description = "Wait per attempt (default 2s).")
    Duration timeout = Duration.ofSeconds(2);

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NameClient client = NameLookups.client(timeout, 2, false);
        String address = target.address != null ? target.address : resolve(client);
        try {
            NodeStatusResult r = client.nodeStatus(NameLookups.target(address, port, "address"));
            out.print(json ? new JsonOutput().write(NetbiosText.JsonStatus.of(address, r)) + "\n"
                    : NetbiosText.nbtstatTable(address, r));
            out.flush();
            return ExitCode.OK.code();
        } catch (IOException e) {
            out.println("    Host not found.");
            out.flush();
            throw NameLookups.failure(e);
        }
    }

    private String resolve(NameClient client) {
        NetbiosName name = NetbiosName.parse(target.name, 0x20);
        try {
            List<NameQueryResult> rs = unicast != null
                    ? List.of(client.queryUnicast(name, NameLookups.target(unicast, port, "server"), true))
                    : client.queryBroadcast(name, NameLookups.target(broadcast, port, "broadcast address"));
            return rs.stream().filter(r -> r instanceof NameQueryResult.Found).map(r -> (NameQueryResult.Found) r)
                    .flatMap(f -> f.answers().stream()).map(NameAnswer::address).findFirst()
                    .map(a -> a.getHostAddress())
                    .orElseThrow(() -> new CommandFailedException(ExitCode.FAILED, "Host not found: no answer for " + name));
        } catch (IOException e) {
            throw NameLookups.failure(e);
        }
    }

}
