package org.smbscope.cli.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.cli.JsonOutput;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.auth.KerberosMode;
import org.smbscope.client.probe.ProbeConfig;
import org.smbscope.client.probe.ProbeResult;
import org.smbscope.client.probe.Probes;
import org.smbscope.client.transport.TransportConfig;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.trace.diagnose.ClientPolicy;
import org.smbscope.trace.diagnose.Diagnosis;
import org.smbscope.trace.diagnose.Finding;
import org.smbscope.trace.diagnose.Observations;
import org.smbscope.trace.diagnose.TransportAttempt;
import org.smbscope.trace.explain.Explainer;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;
import org.smbscope.trace.explain.Narrative;
import org.smbscope.trace.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smbscope doctor //host[/share]}: walks a connection step by step the way a person with
 * Wireshark would (name, transport, negotiate, authentication, tree connect), explains every
 * message and ends with findings: cause, evidence and the fix.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Diagnose why a connection to an SMB server fails: name, transport, dialects, signing,",
            "authentication and shares, each step explained, ending with findings and fixes.",
            "Exit status 1 when a finding of severity ERROR is made, 3 when no SMB port answers."})
public final class DoctorCommand implements Callable<Integer> {
    static final List<Smb2Dialect> DIALECTS = List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1, Smb2Dialect.SMB_3_0,
            Smb2Dialect.SMB_3_0_2, Smb2Dialect.SMB_3_1_1);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "//host[/share]",
            description = "The server, and optionally a share to try. Without one, the doctor starts the embedded "
                    + "server on loopback (a free port, no root needed) and walks a connection to it.")
    String target;

    @Option(names = {"-U", "--user"}, paramLabel = "[DOMAIN\\]user[%password]", description = "Log on as this user (a real session setup).")
    String user;

    @Option(names = {"-I", "--ip-address"}, paramLabel = "IP", description = "Connect to this address and use the host only as the server's name (SPN, tree paths), as smbclient -I.")
    String ipAddress;

    @Option(names = {"-p", "--port"}, paramLabel = "port", description = "Only this port (445 direct TCP, 139 NetBIOS); default: 445, else 139.")
    Integer port;

    @Option(names = "--signing", paramLabel = "off|auto|required", description = "The client's signing policy (required = Windows 11 24H2's default). Default auto.")
    String signing = "auto";

    @Option(names = "--encrypt", paramLabel = "off|auto|required", description = "The client's encryption policy. Default auto.")
    String encrypt = "auto";

    @Option(names = {"-m", "--max-protocol"}, paramLabel = "2.1|3.0|3.1.1", description = "Highest dialect the client session offers.")
    String maxProtocol = "3.1.1";

    @Option(names = "--min-protocol", paramLabel = "2.0.2|...", description = "Lowest dialect the client session offers.")
    String minProtocol = "2.0.2";

    @Option(names = "--lm-level", paramLabel = "0-5", description = "LAN Manager authentication level of the client session (0-2 send NTLMv1). Default 3.")
    int lmLevel = 3;

    @Option(names = "--ntlm-levels", description = "With -U: also try an NTLMv1 logon (LAN Manager level 2) to see whether the server still accepts it.")
    boolean ntlmLevels;

    @Option(names = {"-k", "--kerberos"}, description = "Try Kerberos for the session (same as --use-kerberos=required); the KDC exchange is shown and diagnosed.")
    boolean kerberosFlag;

    @Option(names = "--use-kerberos", paramLabel = "desired|required|off",
            description = "Kerberos: desired (fall back to NTLM, saying so), required (fail with the KDC's error), off (default)")
    String useKerberos;

    @Option(names = "--krb5-conf", paramLabel = "FILE", description = "krb5.conf to use (default KRB5_CONFIG, then /etc/krb5.conf)")
    Path krb5Conf;

    @Option(names = "--use-krb5-ccache", paramLabel = "CCACHE", description = "Kerberos ticket cache (FILE:PATH or PATH); default KRB5CCNAME")
    String krb5Ccache;

    @Option(names = "--kerberos-try-ip", description = "Ask the KDC for cifs/<address> when the server is given as an IP address (like Windows' TryIPSPN)")
    boolean kerberosTryIp;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Wait per step (default 3).")
    double timeoutSeconds = 3;

    private Duration timeout;

    @Option(names = {"-R", "--wins"}, paramLabel = "server", description = "Resolve a NetBIOS name by asking this WINS/NBNS server (unicast) instead of DNS.")
    String wins;

    @Option(names = "--nbns-port", hidden = true, description = "UDP port of the name service (tests).")
    int nbnsPort = 137;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with a ladder diagram.")
    Path html;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Also write what the doctor sent and received as a capture (pcap) Wireshark opens.")
    Path pcap;

    private final StringBuilder text = new StringBuilder();
    /** Only NT LM 0.12 was accepted by the dialect probes (SMB1 first, then each SMB2/3 dialect). */
    private boolean smb1Only;
    private final Map<String, Object> doc = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (target != null) {
            return walk();
        }
        try (org.smbscope.cli.DemoServer server = org.smbscope.cli.DemoServer.start("SMBSCOPE")) {
            target = server.unc();
            port = server.port();
            if (user == null) {
                user = org.smbscope.cli.DemoServer.USER + "%" + org.smbscope.cli.DemoServer.PASSWORD;
            }
            if (!json) {
                text.append("No target given: started the embedded server SMBSCOPE on 127.0.0.1 port ").append(port)
                        .append(" (share [demo], user ").append(org.smbscope.cli.DemoServer.USER)
                        .append("), as 'smbscope serve' would with its embedded default.\n");
            }
            doc.put("embeddedServer", Map.of("address", "127.0.0.1", "port", port, "share", "demo"));
            return walk();
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.FAILED, "cannot start the embedded server: " + e.getMessage(), e);
        }
    }

    private int walk() {
        DoctorTarget t = DoctorTarget.parse(target);
        timeout = Duration.ofMillis(Math.max(100, (long) (timeoutSeconds * 1000)));
        Protection policy = parseSigning();
        ProbeConfig pc = new ProbeConfig(timeout, Clock.systemUTC(), new SecureRandom(), policy == Protection.REQUIRED,
                "SMBSCOPE");
        ExchangeLog log = new ExchangeLog();
        SessionWalk walk = null;
        List<TransportAttempt> attempts = new ArrayList<>();
        doc.put("target", target);
        text.append("smbscope doctor ").append(target).append("\n\n");

        InetAddress address = name(t, pc, log);
        Probes.Route route = address == null ? null : transport(t, address, pc, log, attempts);
        KerberosMode kmode = kerberosMode();
        if (route != null) {
            negotiate(route, pc, log);
            ProbeResult chal = Probes.ntlmChallenge(route, pc);
            log.addProbe(chal);
            picks(chal);
            ClientConfig.Builder base = clientConfig(policy);
            if (smb1Only) {
                base.minDialect(SmbDialect.NT1);
                text.append("   Only SMB1 is accepted: the session below uses NT LM 0.12.\n");
            }
            walk = new SessionWalk(base, user, log).tryNtlmv1(ntlmLevels);
            try (DoctorKerberos k = kmode == KerberosMode.OFF ? null : DoctorKerberos.start(kmode, krb5Conf, krb5Ccache,
                    kerberosTryIp, log, timeout, Clock.systemUTC())) {
                if (k != null) {
                    walk.kerberos(k);
                }
                walk.run(t, address, route);
            } catch (IOException e) {
                throw new CommandFailedException(ExitCode.FAILED, "Kerberos: " + e.getMessage(), e);
            }
            doc.put("sessions", walk.json());
        }
        List<Message> messages = MessageDecoder.decodeAll(log.exchanges());
        Narrative narrative = Explainer.explain(messages);
        List<Finding> findings = Diagnosis.run(new Observations(messages, attempts,
                new ClientPolicy(policy == Protection.REQUIRED, t.host(), encryption() == Protection.REQUIRED),
                log.probeClients()));
        if (walk != null) {
            text.append(walk.text(narrative));
        }
        List<String> verdicts = org.smbscope.trace.explain.ClientProfiles.verdicts(messages);
        if (!verdicts.isEmpty()) {
            text.append("6. What default clients would do with this server\n");
            verdicts.forEach(v -> text.append("   ").append(v).append('\n'));
            doc.put("clients", verdicts);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new JsonOutput().write(ReportJson.of(doc, narrative, findings)));
        } else {
            out.print(text);
            out.print("\nEvery message, explained\n");
            out.print(narrative.render());
            out.print(FindingsText.render(findings));
        }
        out.flush();
        if (html != null) {
            try {
                Files.writeString(html, HtmlReport.render("smbscope doctor " + target, narrative, findings));
            } catch (IOException e) {
                throw new CommandFailedException(ExitCode.FAILED, "cannot write " + html + ": " + e.getMessage(), e);
            }
        }
        if (pcap != null) {
            try (var o = Files.newOutputStream(pcap)) {
                org.smbscope.trace.capture.PcapWriter.write(o, log.exchanges());
            } catch (IOException e) {
                throw new CommandFailedException(ExitCode.FAILED, "cannot write " + pcap + ": " + e.getMessage(), e);
            }
        }
        if (address == null) {
            return findings.isEmpty() ? ExitCode.NETWORK.code() : ExitCode.FAILED.code();
        }
        if (route == null) {
            return ExitCode.NETWORK.code();
        }
        int code = FindingsText.exitCode(findings);
        if (code == ExitCode.OK.code() && walk != null && walk.failure().isPresent()) {
            spec.commandLine().getErr().println("The connection failed (" + walk.failure().get()
                    + ") and no rule explains it: see the messages above.");
            spec.commandLine().getErr().flush();
            return ExitCode.FAILED.code();
        }
        return code;
    }

    private ClientConfig.Builder clientConfig(Protection policy) {
        try {
            ClientConfig.Builder b = ClientConfig.builder().signing(policy).encryption(encryption()).minDialect(SmbDialect.parse(minProtocol, false))
                    .maxDialect(SmbDialect.parse(maxProtocol, true)).lmCompatibilityLevel(lmLevel)
                    .requestTimeout(timeout).transport(TransportConfig.defaults().withConnectTimeout(timeout)
                            .withReadTimeout(timeout));
            b.build();
            return b;
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        }
    }

    private KerberosMode kerberosMode() {
        try {
            KerberosMode m = kerberosFlag && useKerberos == null ? KerberosMode.REQUIRED
                    : useKerberos == null ? KerberosMode.OFF : KerberosMode.parse(useKerberos);
            return m == KerberosMode.OFF && krb5Ccache != null ? KerberosMode.REQUIRED : m;
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        }
    }

    private Protection encryption() {
        try {
            return Protection.parse(encrypt);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        }
    }

    private Protection parseSigning() {
        try {
            return Protection.parse(signing);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        }
    }

    /** Step 1: the name, by literal, DNS, and the NBNS node status of the address. */
    private InetAddress name(DoctorTarget t, ProbeConfig pc, ExchangeLog log) {
        text.append("1. Name\n");
        Map<String, Object> j = new LinkedHashMap<>();
        InetAddress address;
        boolean literal0 = ClientPolicyText.isAddress(t.host());
        if (ipAddress != null) {
            try {
                address = InetAddress.getByName(ipAddress);
            } catch (UnknownHostException e) {
                throw new CommandFailedException(ExitCode.USAGE, "-I needs an address: " + ipAddress);
            }
        } else if (wins != null && !literal0) {
            address = winsLookup(t.host(), pc, log, j);
            if (address == null) {
                doc.put("name", j);
                return null;
            }
        } else try {
            address = InetAddress.getByName(t.host());
        } catch (UnknownHostException e) {
            text.append("   ").append(t.host()).append(": not found by DNS (nor as a literal address).\n");
            doc.put("name", Map.of("host", t.host(), "error", "unknown host"));
            throw new CommandFailedException(ExitCode.NETWORK, "cannot resolve " + t.host()
                    + " (DNS); try its IP address, or smbscope nmblookup " + t.host());
        }
        boolean literal = literal0;
        text.append("   ").append(t.host()).append(literal
                ? " is an IP address: no lookup needed, but Kerberos cannot be used (no cifs/ SPN for an address).\n"
                : " resolves to " + address.getHostAddress() + (ipAddress != null ? " (given with -I, no lookup)" : wins != null ? " (NBNS, WINS " + wins + ")" : " (DNS)") + ".\n");
        j.put("host", t.host());
        j.put("address", address.getHostAddress());
        j.put("literal", literal);
        ProbeResult ns = Probes.nodeStatus(new InetSocketAddress(address, nbnsPort), pc);
        log.addProbe(ns);
        if (ns.error().isPresent()) {
            text.append("   NBNS node status (UDP ").append(nbnsPort).append("): no answer (").append(ns.error().get())
                    .append("): NetBIOS is off or filtered; port 139 callers must use *SMBSERVER.\n");
            j.put("nodeStatus", ns.error().get());
        } else {
            text.append("   NBNS node status (UDP ").append(nbnsPort).append("): answered; the names are listed under"
                    + " \"Every message\" below.\n");
            j.put("nodeStatus", "answered");
        }
        doc.put("name", j);
        return address;
    }

    /** The name's <20> record from the WINS server, or null (the negative answer is in the log). */
    private InetAddress winsLookup(String host, ProbeConfig pc, ExchangeLog log, Map<String, Object> j) {
        InetAddress server;
        try {
            server = InetAddress.getByName(wins);
        } catch (UnknownHostException e) {
            throw new CommandFailedException(ExitCode.USAGE, "--wins needs an address: " + wins);
        }
        NetbiosName name = NetbiosName.parse(host, 0x20);
        ProbeResult r = Probes.nameQuery(new InetSocketAddress(server, nbnsPort), name, pc);
        log.addProbe(r);
        j.put("host", host);
        j.put("wins", wins);
        if (r.error().isPresent()) {
            text.append("   NBNS query for ").append(name).append(" to ").append(wins).append(": no answer (")
                    .append(r.error().get()).append(").\n");
            j.put("error", r.error().get());
            return null;
        }
        try {
            var p = org.smbscope.codec.netbios.NameServicePacket.decode(r.frames().get(1).bytes());
            for (var rr : p.answers()) {
                if (rr.data() instanceof org.smbscope.codec.netbios.NbRData nb && !nb.entries().isEmpty()) {
                    return nb.entries().get(0).address();
                }
            }
            text.append("   NBNS query for ").append(name).append(" to ").append(wins).append(": ")
                    .append(p.rcode().meaning()).append(".\n");
            j.put("error", p.rcode().meaning());
        } catch (org.smbscope.codec.netbios.NetbiosDecodeException e) {
            text.append("   NBNS answer malformed: ").append(e.getMessage()).append('\n');
        }
        return null;
    }

    /** Step 2: TCP 445 and 139, and the NetBIOS session request on 139. */
    private Probes.Route transport(DoctorTarget t, InetAddress address, ProbeConfig pc, ExchangeLog log,
            List<TransportAttempt> attempts) {
        text.append("2. Transport\n");
        List<Map<String, Object>> j = new ArrayList<>();
        List<Integer> ports = port == null ? List.of(445, 139) : List.of(port);
        boolean open445 = false;
        boolean open139 = false;
        for (int p : ports) {
            ProbeResult r = Probes.tcp(new InetSocketAddress(address, p), pc);
            attempts.add(new TransportAttempt(address.getHostAddress(), p, r.connected(), r.connect(),
                    r.error().orElse(""), pc.clock().instant()));
            text.append("   TCP ").append(p).append(": ").append(r.connected() ? "open (" + ms(r.connect()) + ")"
                    : "closed: " + r.error().orElse("?")).append('\n');
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("port", p);
            row.put("open", r.connected());
            row.put("ms", r.connect().toNanos() / 1e6);
            row.put("error", r.error().orElse(""));
            j.add(row);
            if (p == 445 || p != 139 && port != null) {
                open445 = r.connected();
            } else {
                open139 = r.connected();
            }
        }
        doc.put("transport", j);
        NetbiosName called = Probes.SMBSERVER;
        if (open139) {
            ProbeResult sr = Probes.sessionRequest(new InetSocketAddress(address, 139), called, pc);
            log.addProbe(sr);
            text.append("   NetBIOS session request to ").append(called).append(" on 139: ")
                    .append(sr.error().map(e -> "refused (" + e + ")").orElse("accepted")).append('\n');
        }
        if (open445 && (port == null || port != 139)) {
            return Probes.Route.direct(new InetSocketAddress(address, port == null ? 445 : port));
        }
        if (open139) {
            return new Probes.Route(new InetSocketAddress(address, 139), called);
        }
        text.append("   No SMB port answers: nothing more can be tried.\n");
        return null;
    }

    /** Step 3: one probe per dialect; which the server accepts. */
    private void negotiate(Probes.Route route, ProbeConfig pc, ExchangeLog log) {
        text.append("3. Negotiate (one probe per dialect)\n");
        List<Map<String, Object>> j = new ArrayList<>();
        ProbeResult smb1 = Probes.smb1Negotiate(route, pc);
        log.addProbe(smb1);
        matrixLine("NT LM 0.12 (SMB1)", smb1, j);
        for (Smb2Dialect d : DIALECTS) {
            ProbeResult r = Probes.smb2Negotiate(route, List.of(d), pc);
            log.addProbe(r);
            matrixLine(d.name(), r, j);
        }
        doc.put("dialects", j);
    }

    private void matrixLine(String dialect, ProbeResult r, List<Map<String, Object>> j) {
        String verdict;
        boolean accepted = false;
        if (r.error().isPresent()) {
            verdict = "refused (" + r.error().get() + ")";
        } else {
            List<Message> ms = MessageDecoder.decode(lastExchange(r));
            Message m = ms.get(ms.size() - 1);
            accepted = !m.failed() && (m.decoded() instanceof org.smbscope.codec.smb2.Smb2Packet p
                    && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse
                    || m.decoded() instanceof org.smbscope.trace.explain.Smb1Part q
                    && q.message() instanceof org.smbscope.codec.smb1.NegotiateResponse n && !n.isNoDialect());
            boolean noDialect = m.decoded() instanceof org.smbscope.trace.explain.Smb1Part q
                    && q.message() instanceof org.smbscope.codec.smb1.NegotiateResponse n && n.isNoDialect();
            verdict = accepted ? "accepted" : "refused (" + (noDialect ? "DialectIndex 0xFFFF: none of these" : m.summary()) + ")";
        }
        if (accepted) {
            smb1Only = dialect.startsWith("NT LM");
        }
        text.append(String.format("   %-18s %s%n", dialect, verdict));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dialect", dialect);
        row.put("accepted", accepted);
        row.put("detail", verdict);
        j.add(row);
    }

    /** "With every dialect offered, the server picks SMB 3.1.1." from the challenge probe's NEGOTIATE. */
    private void picks(ProbeResult chal) {
        ExchangeLog one = new ExchangeLog();
        one.addProbe(chal);
        for (Message m : MessageDecoder.decodeAll(one.exchanges())) {
            if (m.decoded() instanceof org.smbscope.codec.smb2.Smb2Packet p
                    && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse r) {
                text.append("   With every SMB2/3 dialect offered, the server picks ").append(r.dialect().name())
                        .append(".\n");
                doc.put("picks", r.dialect().name());
                return;
            }
        }
    }

    private static org.smbscope.trace.event.Exchange lastExchange(ProbeResult r) {
        ExchangeLog one = new ExchangeLog();
        one.addProbe(r);
        List<org.smbscope.trace.event.Exchange> xs = one.exchanges();
        return xs.get(xs.size() - 1);
    }

    private static String ms(Duration d) {
        return String.format("%.1f ms", d.toNanos() / 1e6);
    }
}
