package org.smbscope.cli.netbios;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.cli.JsonOutput;
import org.smbscope.client.netbios.NameAnswer;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameQueryResult;
import org.smbscope.client.netbios.NodeStatusResult;
import org.smbscope.codec.netbios.NameMeaning;
import org.smbscope.codec.netbios.NetbiosName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smbscope nmblookup}: Samba's nmblookup (RFC 1002 name queries and node status) with
 * its flags and output, each name annotated with what it means.
 */
@Command(name = "nmblookup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Look up NetBIOS names (Samba's nmblookup): name queries by unicast (-U) or broadcast (-B),",
            "node status (-A), master browsers (-M)."},
        footer = {"", "Examples:", "  smbscope nmblookup -A 127.0.0.10", "  smbscope nmblookup -U 127.0.0.10 --recursion LAB10",
            "  smbscope nmblookup -B 127.0.0.11 -M LABGRP"})
public final class NmblookupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME[#TT]", arity = "1..*",
            description = "Names to look up (suffix in hex after #, default 00); with -A, IP addresses.")
    List<String> names;

    @Option(names = {"-U", "--unicast"}, paramLabel = "server", description = "Send a unicast query to this server (a WINS server or the host).")
    String unicast;

    @Option(names = {"-B", "--broadcast"}, paramLabel = "bcast", description = "Broadcast address for queries (default 255.255.255.255).")
    String broadcast = "255.255.255.255";

    @Option(names = "--recursion", description = "Set the recursion desired bit (ask a WINS server to resolve).")
    boolean recursion;

    @Option(names = {"-A", "--lookup-by-ip"}, description = "Do a node status on the given addresses.")
    boolean byAddress;

    @Option(names = {"-S", "--status"}, description = "Do a node status on each address found.")
    boolean status;

    @Option(names = {"-M", "--master-browser"}, description = "Search for a master browser: NAME#1D, or - for __MSBROWSE__#01.")
    boolean masterBrowser;

    @Option(names = {"-T", "--translate"}, description = "Show the DNS name of each address found.")
    boolean translate;

    @Option(names = {"-r", "--root-port"}, description = "Send from port 137 (for old Windows 95 hosts; needs root).")
    boolean rootPort;

    @Option(names = "--port", paramLabel = "N", description = "Destination port (default 137).")
    int port = NameClient.PORT;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait per attempt (default 2s unicast, 1s broadcast).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", description = "Retransmissions after the first (default 2).")
    int retries = 2;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration wait = timeout != null ? timeout : unicast != null || byAddress ? Duration.ofSeconds(2) : Duration.ofSeconds(1);
        NameClient client = NameLookups.client(wait, retries, rootPort);
        List<Object> results = new ArrayList<>();
        boolean allFound = true;
        for (String arg : names) {
            boolean found = byAddress ? status(client, arg, out, results) : query(client, arg, out, results);
            allFound &= found;
        }
        if (json) {
            out.println(new JsonOutput().write(Map.of("results", results)));
        }
        out.flush();
        return allFound ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private boolean status(NameClient client, String address, PrintWriter out, List<Object> results) {
        InetSocketAddress target = NameLookups.target(address, port, "address");
        if (!json) {
            out.println("Looking up status of " + target.getAddress().getHostAddress());
        }
        try {
            NodeStatusResult r = client.nodeStatus(target);
            if (json) {
                results.add(NetbiosText.JsonStatus.of(target.getAddress().getHostAddress(), r));
            } else {
                out.print(NetbiosText.nmblookupStatus(r));
                out.println();
            }
            return true;
        } catch (IOException e) {
            if (json) {
                results.add(Map.of("address", target.getAddress().getHostAddress(), "error", String.valueOf(e.getMessage())));
                return false;
            }
            out.println("No reply from " + target.getAddress().getHostAddress());
            out.println();
            throw NameLookups.failure(e);
        }
    }

    private NetbiosName nameOf(String arg) {
        if (masterBrowser) {
            return "-".equals(arg) ? NetbiosName.msBrowse() : NetbiosName.parse(arg, 0x1D);
        }
        try {
            return NetbiosName.parse(arg, 0x00);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, "not a NetBIOS name: '" + arg + "': " + e.getMessage());
        }
    }

    private boolean query(NameClient client, String arg, PrintWriter out, List<Object> results) {
        NetbiosName name = nameOf(arg);
        String where = unicast != null ? unicast : broadcast;
        InetSocketAddress target = NameLookups.target(where, port, unicast != null ? "server" : "broadcast address");
        if (!json) {
            out.println("querying " + (name.isMsBrowse() ? "__MSBROWSE__" : name.name()) + " on "
                    + target.getAddress().getHostAddress());
        }
        List<NameQueryResult> answers;
        try {
            answers = unicast != null ? List.of(client.queryUnicast(name, target, recursion))
                    : client.queryBroadcast(name, target);
        } catch (IOException e) {
            if (json) {
                results.add(Map.of("name", arg, "error", String.valueOf(e.getMessage())));
                return false;
            }
            out.println("name_query failed to find name " + arg + " (" + e.getMessage() + ")");
            if (names.size() == 1) {
                throw NameLookups.failure(e);
            }
            return false;
        }
        List<InetAddress> found = new ArrayList<>();
        for (NameQueryResult a : answers) {
            if (a instanceof NameQueryResult.Found f) {
                f.answers().stream().map(NameAnswer::address).forEach(found::add);
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name.toString());
            m.put("meaning", NameMeaning.of(name));
            m.put("addresses", found.stream().map(InetAddress::getHostAddress).toList());
            answers.stream().filter(a -> a instanceof NameQueryResult.NotFound).findFirst()
                    .ifPresent(nf -> m.put("negativeResponse", ((NameQueryResult.NotFound) nf).rcode().name() + ": "
                            + ((NameQueryResult.NotFound) nf).meaning()));
            results.add(m);
        }
        if (found.isEmpty()) {
            if (!json) {
                out.println("name_query failed to find name " + arg);
                answers.stream().filter(a -> a instanceof NameQueryResult.NotFound).findFirst().ifPresent(nf ->
                        out.println("  (" + nf.responder().getAddress().getHostAddress() + " answered "
                                + ((NameQueryResult.NotFound) nf).rcode().name() + ": " + ((NameQueryResult.NotFound) nf).meaning() + ")"));
            }
            return false;
        }
        for (InetAddress a : found) {
            if (!json) {
                String shown = String.format(Locale.ROOT, "%s<%02x>", name.isMsBrowse() ? "\u0001\u0002__MSBROWSE__\u0002" : name.name(), name.suffix());
                String host = translate ? a.getCanonicalHostName() + ", " : "";
                out.println(String.format(Locale.ROOT, "%-40s %s", host + a.getHostAddress() + " " + shown, NameMeaning.of(name)));
            }
            if (status) {
                status(client, a.getHostAddress(), out, results);
            }
        }
        return true;
    }
}
