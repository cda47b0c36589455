package org.smbscope.cli.net;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.ServerEntry;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.netbios.NameAnswer;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameClientConfig;
import org.smbscope.client.netbios.NameQueryResult;
import org.smbscope.codec.netbios.NetbiosName;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code net view //host}: the host's shares (srvsvc, or RAP NetShareEnum over SMB1); {@code net view
 * --domain [WORKGROUP]}: find the workgroup's master browser (name WORKGROUP&lt;1D&gt;, by NBNS unicast
 * to {@code --nameserver} or broadcast to {@code --broadcast}), connect to it over SMB1 and ask
 * NetServerEnum2 for the workgroup's servers ([MS-BRWS] 3.2, [MS-RAP] 2.5.5.2).
 */
@Command(name = "view", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the shares of //host, or the servers of a workgroup (--domain) as its master browser knows them."})
public final class NetViewCommand implements Callable<Integer> {
    static final int MASTER_BROWSER = 0x1D;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "//host", description = "the server whose shares to list")
    String host;

    @Option(names = "--domain", arity = "0..1", fallbackValue = "", paramLabel = "WORKGROUP",
            description = "list the servers of WORKGROUP (default: the workgroup of -W, else WORKGROUP)")
    String domain;

    @Option(names = {"-W", "--workgroup"}, paramLabel = "WORKGROUP", description = "our workgroup (default WORKGROUP)")
    String workgroup;

    @Option(names = {"-U", "--user"}, paramLabel = "USER[%PASS]", description = "log on as USER (default: anonymous)")
    String user;

    @Option(names = {"-I", "--ip-address"}, paramLabel = "ADDR", description = "connect to ADDR (host, or the master browser)")
    String ipAddress;

    @Option(names = {"-R", "--nameserver"}, paramLabel = "ADDR", description = "ask this NBNS server (WINS, or the master itself) for WORKGROUP<1D>")
    String nameserver;

    @Option(names = {"-B", "--broadcast"}, paramLabel = "ADDR", description = "broadcast address for the WORKGROUP<1D> query (default 255.255.255.255)")
    String broadcast;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "445 (default) or 139")
    Integer port;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "per-request timeout (default 10)")
    int timeoutSeconds = 10;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((host == null) == (domain == null)) {
            throw new CommandFailedException(ExitCode.USAGE, "give either //host or --domain [WORKGROUP]");
        }
        Credentials creds = credentials();
        try {
            return host != null ? shares(out, creds) : servers(out, creds);
        } catch (SmbException e) {
            return org.smbscope.cli.SmbErrorReport.report(out, spec.commandLine().getErr(), json, "", e);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.NETWORK, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private Credentials credentials() {
        if (user == null) {
            return Credentials.anonymous();
        }
        String u = user;
        String pw = "";
        int pct = u.indexOf('%');
        if (pct >= 0) {
            pw = u.substring(pct + 1);
            u = u.substring(0, pct);
        }
        String dom = workgroup == null ? "" : workgroup;
        int slash = Math.max(u.indexOf('\\'), u.indexOf('/'));
        if (slash >= 0) {
            dom = u.substring(0, slash);
            u = u.substring(slash + 1);
        }
        return Credentials.of(dom, u, pw);
    }

    @Option(names = {"-m", "--max-protocol"}, paramLabel = "PROTO", description = "highest protocol for //host (default SMB3_11; NT1 = SMB1 only)")
    String maxProtocol;

    private ClientConfig config(SmbDialect max) {
        return ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(max)
                .requestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds))).build();
    }

    private int shares(PrintWriter out, Credentials creds) throws IOException {
        String name = host.replace('\\', '/').replaceFirst("^/+", "").split("/")[0];
        String address = ipAddress != null ? ipAddress : name;
        List<ShareInfo> shares;
        String dialect;
        String remark = "";
        SmbDialect max = maxProtocol == null ? SmbDialect.SMB3_11 : SmbDialect.parse(maxProtocol, true);
        try (SmbConnection c = SmbClient.connect(config(max), address, port == null ? 445 : port, name);
                SmbSession s = c.session(creds)) {
            dialect = c.negotiated().dialect().version();
            shares = s.listShares();
            if (c.negotiated().dialect().isSmb1()) {
                try {
                    remark = s.serverInfo().comment();
                } catch (IOException e) {
                    remark = ""; // NetServerGetInfo is optional here
                }
            }
        }
        if (json) {
            List<Map<String, Object>> rows = org.smbscope.cli.smbclient.Listing.shareRows(shares);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("server", name);
            doc.put("dialect", dialect);
            doc.put("remark", remark);
            doc.put("shares", rows);
            out.println(toJson(doc));
        } else {
            out.println("Shared resources at \\\\" + name);
            out.println();
            out.println(remark);
            out.println();
            out.println(String.format("%-12s%-6s%-9s%s", "Share name", "Type", "Used as", "Comment"));
            out.println();
            out.println("-".repeat(79));
            for (ShareInfo s : shares) {
                if (s.name().endsWith("$")) {
                    continue; // net view hides administrative shares
                }
                out.println(String.format("%-12s%-6s%-9s%s", s.name(), s.typeName(), "", s.comment()).stripTrailing());
            }
            out.println("The command completed successfully.");
            out.println();
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private int servers(PrintWriter out, Credentials creds) throws IOException {
        String wg = !domain.isEmpty() ? domain : workgroup != null ? workgroup : "WORKGROUP";
        InetAddress master = ipAddress != null ? address(ipAddress) : findMaster(wg);
        List<ServerEntry> servers;
        try (SmbConnection c = SmbClient.connect(config(SmbDialect.NT1), master.getHostAddress(), port == null ? 445 : port,
                master.getHostAddress()); SmbSession s = c.session(creds)) {
            servers = s.serverList(ServerEntry.SV_TYPE_ALL, wg);
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ServerEntry e : servers) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.name());
                m.put("comment", e.comment());
                m.put("type", String.format("0x%08x", e.type()));
                m.put("version", e.majorVersion() + "." + e.minorVersion());
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("workgroup", wg);
            doc.put("masterBrowser", master.getHostAddress());
            doc.put("servers", rows);
            out.println(toJson(doc));
        } else {
            out.println(String.format("%-23s%s", "Server Name", "Remark"));
            out.println();
            out.println("-".repeat(79));
            for (ServerEntry e : servers) {
                out.println(String.format("%-23s%s", "\\\\" + e.name(), e.comment()).stripTrailing());
            }
            out.println("The command completed successfully.");
            out.println();
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** Resolves WORKGROUP&lt;1D&gt; (the local master browser, [MS-BRWS] 3.2.6.1) by NBNS. */
    private InetAddress findMaster(String wg) throws IOException {
        NameClient nc = new NameClient(NameClientConfig.builder().timeout(Duration.ofSeconds(2)).retries(2).build());
        NetbiosName name = NetbiosName.of(wg, MASTER_BROWSER);
        List<NameQueryResult> results = nameserver != null
                ? List.of(nc.queryUnicast(name, new InetSocketAddress(address(nameserver), NameClient.PORT), false))
                : nc.queryBroadcast(name, new InetSocketAddress(address(broadcast != null ? broadcast : "255.255.255.255"),
                        NameClient.PORT));
        for (NameQueryResult r : results) {
            if (r instanceof NameQueryResult.Found f) {
                for (NameAnswer a : f.answers()) {
                    return a.address();
                }
            }
        }
        throw new CommandFailedException(ExitCode.FAILED, "no master browser for workgroup " + wg + " (nobody answered "
                + name + (nameserver != null ? " at " + nameserver : " on broadcast") + ")" + System.lineSeparator()
                + "System error 6118 has occurred. The list of servers for this workgroup is not currently available");
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new CommandFailedException(ExitCode.USAGE, "cannot resolve '" + text + "'");
        }
    }

    private static String toJson(Object value) {
        return new org.smbscope.cli.JsonOutput().write(value);
    }
}
