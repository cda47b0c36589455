package org.smbscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameClientConfig;
import org.smbscope.client.netbios.NameQueryResult;
import org.smbscope.client.netbios.NodeStatusResult;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.server.netbios.NameService;
import org.smbscope.server.netbios.NameServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smbscope demo}: the main job on an embedded default. Starts our NetBIOS name service on
 * loopback (an ephemeral port, so no root is needed), looks it up the way the seed does with
 * nmblookup, and explains what the answers mean.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded NetBIOS name service on loopback, query it, and explain the answers.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--json", description = "Print the answers as one JSON document instead of the walkthrough.")
    boolean json;

    /** What the demo learns from the embedded service, rendered as the walkthrough or as JSON. */
    private record Answers(InetSocketAddress service, NameQueryResult query, NameQueryResult miss, NodeStatusResult status) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Answers a = ask();
        if (json) {
            json(out, a);
        } else {
            walkthrough(out, a);
        }
        out.flush();
        return a.query() instanceof NameQueryResult.Found ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /** Starts DEMO / WORKGROUP on loopback (ephemeral port), asks it what nmblookup would, stops it. */
    private static Answers ask() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (NameService ns = NameService.start(NameServiceConfig.builder().address(loopback).port(0)
                .name("DEMO").workgroup("WORKGROUP").build())) {
            InetSocketAddress where = ns.localAddress();
            NameClient client = new NameClient(NameClientConfig.builder().localAddress(loopback)
                    .timeout(Duration.ofSeconds(2)).build());
            return new Answers(where,
                    client.queryUnicast(NetbiosName.of("DEMO", 0x00), where, true),
                    client.queryUnicast(NetbiosName.of("NOSUCHNAME", 0x00), where, true),
                    client.nodeStatus(where));
        }
    }

    private static void walkthrough(PrintWriter out, Answers a) {
        String host = a.service().getAddress().getHostAddress();
        int port = a.service().getPort();
        out.printf("Started a NetBIOS name service for DEMO (workgroup WORKGROUP) on %s UDP port %d.%n%n", host, port);
        out.printf("$ smbscope nmblookup -U %s --port %d --recursion DEMO%n", host, port);
        if (!(a.query() instanceof NameQueryResult.Found f)) {
            out.println("  -> unexpected: " + a.query());
            return;
        }
        f.answers().forEach(x -> out.printf("%s DEMO<00>%n", x.address().getHostAddress()));
        out.println("  -> the name resolves by NetBIOS name service (step 1 of an SMB connection over port 139).");
        if (a.miss() instanceof NameQueryResult.NotFound nf) {
            out.printf("  (a name it does not own gets a negative answer: %s, \"%s\")%n", nf.rcode().name(), nf.meaning());
        }
        out.printf("%n$ smbscope nmblookup -A %s --port %d%n", host, port);
        for (NodeName n : a.status().names()) {
            out.println(org.smbscope.cli.netbios.NetbiosText.nmblookupLine(n));
        }
        out.println();
        out.println("What this says:");
        for (NodeName n : a.status().names()) {
            if (n.name().suffix() == 0x20 && !n.group()) {
                out.printf("  - %s<20> is registered: the File Server Service is on, so shares can be listed ('net view', 'smbclient -L').%n",
                        n.name().name());
            }
            if (n.name().suffix() == 0x03 && !n.group()) {
                out.printf("  - %s<03>: the Messenger Service name.%n", n.name().name());
            }
            if (n.name().suffix() == 0x00 && n.group()) {
                out.printf("  - %s<00> is a group name: the host is a member of workgroup %s.%n", n.name().name(), n.name().name());
            }
        }
        out.println();
        out.println("Next steps against a real host: 'smbscope nmblookup -A ADDRESS', 'smbscope nbtstat -A ADDRESS'.");
    }

    private static void json(PrintWriter out, Answers a) {
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("service", a.service().getAddress().getHostAddress() + ":" + a.service().getPort());
        doc.put("query", a.query() instanceof NameQueryResult.Found f
                ? f.answers().stream().map(x -> x.address().getHostAddress()).toList() : List.of());
        doc.put("nodeStatus", a.status().names().stream().map(n -> java.util.Map.of("name", n.name().toString(),
                "group", n.group(), "meaning", n.meaning())).toList());
        out.println(new JsonOutput().write(doc));
    }
}
