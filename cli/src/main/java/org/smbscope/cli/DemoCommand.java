package org.smbscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
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

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        NameServiceConfig config = NameServiceConfig.builder().address(loopback).port(0)
                .name("DEMO").workgroup("WORKGROUP").build();
        try (NameService ns = NameService.start(config)) {
            InetSocketAddress where = ns.localAddress();
            out.printf("Started a NetBIOS name service for DEMO (workgroup WORKGROUP) on %s UDP port %d.%n%n",
                    where.getAddress().getHostAddress(), where.getPort());
            NameClient client = new NameClient(NameClientConfig.builder().localAddress(loopback)
                    .timeout(Duration.ofSeconds(2)).build());

            out.printf("$ smbscope nmblookup -U %s --port %d --recursion DEMO%n", where.getAddress().getHostAddress(), where.getPort());
            NameQueryResult q = client.queryUnicast(NetbiosName.of("DEMO", 0x00), where, true);
            if (q instanceof NameQueryResult.Found f) {
                f.answers().forEach(a -> out.printf("%s DEMO<00>%n", a.address().getHostAddress()));
                out.println("  -> the name resolves by NetBIOS name service (step 1 of an SMB connection over port 139).");
            } else {
                out.println("  -> unexpected: " + q);
                return ExitCode.FAILED.code();
            }
            NameQueryResult miss = client.queryUnicast(NetbiosName.of("NOSUCHNAME", 0x00), where, true);
            if (miss instanceof NameQueryResult.NotFound nf) {
                out.printf("  (a name it does not own gets a negative answer: %s, \"%s\")%n", nf.rcode().name(), nf.meaning());
            }

            out.printf("%n$ smbscope nmblookup -A %s --port %d%n", where.getAddress().getHostAddress(), where.getPort());
            NodeStatusResult s = client.nodeStatus(where);
            for (NodeName n : s.names()) {
                out.println(org.smbscope.cli.netbios.NetbiosTextBridge.line(n));
            }
            out.println();
            out.println("What this says:");
            for (NodeName n : s.names()) {
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
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
