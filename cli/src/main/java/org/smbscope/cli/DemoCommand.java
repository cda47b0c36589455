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
 * {@code smbscope demo}: the main job on an embedded default, everything on loopback at ephemeral ports
 * (no root, no network). Part 1 starts our NetBIOS name service and looks it up the way the seed does
 * with nmblookup; part 2 starts our file server and lets the doctor walk a connection to it step by
 * step; part 3 starts a strict server (NTLMv2 only) and lets the doctor explain why an old client
 * (LAN Manager level 2, NTLMv1) is refused.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start our own name service and file servers on loopback, walk connections to them with the doctor, "
                + "and explain the answers and a failure.")
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
        DoctorRun healthy;
        DoctorRun strict;
        try (DemoServer server = DemoServer.start("DEMO")) {
            healthy = DoctorRun.run(server, json);
        }
        try (DemoServer server = DemoServer.start("STRICT", "ntlm auth = ntlmv2-only")) {
            strict = DoctorRun.run(server, json, "--lm-level", "2");
        }
        if (json) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("nameService", nameServiceJson(a));
            doc.put("doctor", healthy.json());
            doc.put("failure", strict.json());
            out.println(new JsonOutput().write(doc));
        } else {
            out.println("Part 1. NetBIOS names (the seed's nmblookup)");
            out.println();
            walkthrough(out, a);
            out.println();
            out.println("Part 2. Our file server, and the doctor walking a connection to it step by step");
            out.println();
            out.printf("Started file server DEMO on 127.0.0.1 port %d, share [demo], user %s.%n%n",
                    healthy.port(), DemoServer.USER);
            out.println("$ " + healthy.commandLine());
            out.print(indent(healthy.output()));
            out.println();
            out.println("Part 3. A failure from the seed: the server accepts only NTLMv2, the client sends NTLMv1");
            out.println();
            out.printf("Started file server STRICT on 127.0.0.1 port %d with 'ntlm auth = ntlmv2-only'.%n", strict.port());
            out.println("The client uses LAN Manager authentication level 2 (NTLMv1 only), like an old Windows host.");
            out.println();
            out.println("$ " + strict.commandLine());
            out.print(indent(strict.findingsOnly()));
        }
        out.flush();
        boolean ok = a.query() instanceof NameQueryResult.Found && healthy.exitCode() == ExitCode.OK.code()
                && strict.exitCode() == ExitCode.FAILED.code();
        return ok ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private static String indent(String text) {
        return text.lines().map(l -> l.isEmpty() ? "" : "  " + l).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
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
        out.println("Against a real host: 'smbscope nmblookup -A ADDRESS', 'smbscope nbtstat -A ADDRESS'.");
    }

    private static java.util.Map<String, Object> nameServiceJson(Answers a) {
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("service", a.service().getAddress().getHostAddress() + ":" + a.service().getPort());
        doc.put("query", a.query() instanceof NameQueryResult.Found f
                ? f.answers().stream().map(x -> x.address().getHostAddress()).toList() : List.of());
        doc.put("nodeStatus", a.status().names().stream().map(n -> java.util.Map.of("name", n.name().toString(),
                "group", n.group(), "meaning", n.meaning())).toList());
        return doc;
    }
}
