package org.smbscope.server.netbios;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.DatagramNodeType;
import org.smbscope.codec.netbios.DatagramPacket;
import org.smbscope.codec.netbios.DatagramType;
import org.smbscope.codec.netbios.DirectDatagram;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameState;
import org.smbscope.codec.netbios.NameSuffix;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.NodeType;
import org.smbscope.codec.netbios.ResourceRecord;
import org.smbscope.codec.netbios.browse.BrowserMessages;
import org.smbscope.codec.netbios.browse.MailslotMessage;
import org.smbscope.server.browse.BrowseList;
import org.smbscope.server.browse.BrowserAction;
import org.smbscope.server.browse.BrowserConfig;
import org.smbscope.server.browse.LocalMasterBrowser;
import org.smbscope.server.config.NetbiosSettings;
import org.smbscope.server.config.ServerConfig;

/**
 * The NetBIOS side of a file server, as Samba's nmbd provides it next to smbd: on each configured interface
 * ({@code interfaces}), a name service (UDP 137) that registers NAME&lt;00&gt;/&lt;03&gt;/&lt;20&gt; (and the same
 * for each {@code netbios aliases} entry) and WORKGROUP&lt;00&gt;/&lt;1E&gt; (group) by broadcast, answers queries
 * and node status for them and defends the unique ones; and a datagram service (UDP 138) carrying the browser
 * ({@link LocalMasterBrowser}), which announces the server and, when configured as {@code local master} and
 * elected, owns WORKGROUP&lt;1D&gt; and __MSBROWSE__&lt;01&gt; and keeps the {@link BrowseList}.
 *
 * <p>Names are B-node names, as Samba's nmbd shows them when it neither is nor uses a WINS server
 * ({@code nmblookup -A}: "B &lt;ACTIVE&gt;"; nmbd says H only with {@code wins support = yes} or a
 * {@code wins server}, which smbscope does not implement); datagrams say "M node" in their flags, as nmbd's do. Each service binds the interface address and also receives on the
 * subnet broadcast address; both sockets set SO_REUSEADDR, so a Samba nmbd on 0.0.0.0 can share the host.
 *
 * <pre>{@code
 * try (NetbiosServices nb = NetbiosServices.start(config)) {   // UDP 137 and 138
 *     SessionGate gate = new SessionGate(nb.sessionNames());
 *     List<BrowseServer> servers = nb.browseList().servers();
 * }
 * }</pre>
 */
public final class NetbiosServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetbiosServices.class);
    /** RFC 1002 4.2.2 / 6: a B-node sends its registration 3 times, 250 ms apart. */
    static final int REGISTRATION_TRIES = 3;
    static final Duration REGISTRATION_INTERVAL = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofMillis(100);
    static final long TTL_SECONDS = NameServicePackets.DEFAULT_TTL;
    /** The owner node type of our names: B, as nmbd without WINS. */
    static final NodeType NODE_TYPE = NodeType.B_NODE;

    /** UDP ports of the name and datagram services (137 and 138; 0 = ephemeral, for tests). */
    public record Ports(int name, int datagram) {
        public static final Ports STANDARD = new Ports(137, 138);

        public Ports {
            if (name < 0 || name > 65535 || datagram < 0 || datagram > 65535) {
                throw new IllegalArgumentException("ports must be 0..65535");
            }
        }
    }

    private final List<Node> nodes;
    private final BrowseList browseList;
    private final Set<NetbiosName> sessionNames;
    private final List<String> conflicts = new CopyOnWriteArrayList<>();
    private final List<String> warnings;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;

    private NetbiosServices(List<Node> nodes, BrowseList browseList, Set<NetbiosName> sessionNames, List<String> warnings) {
        this.nodes = nodes;
        this.browseList = browseList;
        this.sessionNames = sessionNames;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * What {@code smbscope serve} calls: starts on UDP 137/138 unless {@code disable netbios = yes}; a failure
     * (port taken, no permission) is printed to {@code out} and the server runs without NetBIOS, as smbd without nmbd.
     */
    public static Optional<NetbiosServices> startIfEnabled(ServerConfig config, java.io.PrintWriter out) {
        if (config.netbios().disableNetbios()) {
            return Optional.empty();
        }
        try {
            NetbiosServices nb = start(config);
            out.println("NetBIOS: names " + nb.names().stream().map(n -> n.name().toString()).toList()
                    + " on UDP 137, browsing on UDP 138 (" + (config.netbios().localMaster() ? "local master candidate, os level "
                    + config.netbios().osLevel() : "not a local master") + ")");
            out.flush();
            return Optional.of(nb);
        } catch (IOException e) {
            out.println("NetBIOS: not started (" + e.getMessage() + "); set 'disable netbios = yes' to silence this");
            out.flush();
            return Optional.empty();
        }
    }

    /** Starts on UDP 137/138 with the system clock and a default random source. */
    public static NetbiosServices start(ServerConfig config) throws IOException {
        return start(config, Ports.STANDARD, Clock.systemUTC(), RandomGenerator.getDefault(), Optional.empty());
    }

    /**
     * Starts the services for {@code config} on every interface it names.
     *
     * @param browserTimings when present, replaces the [MS-BRWS] timings (tests run an election in seconds)
     * @throws IOException when no interface is usable or a port cannot be bound
     */
    public static NetbiosServices start(ServerConfig config, Ports ports, Clock clock, RandomGenerator random,
            Optional<BrowserConfig> browserTimings) throws IOException {
        Objects.requireNonNull(config, "config");
        List<String> warnings = new ArrayList<>();
        List<Subnet> subnets = Interfaces.parse(config.interfaces(), warnings);
        if (subnets.isEmpty()) {
            throw new IOException("no usable IPv4 interface for the NetBIOS services in " + config.interfaces());
        }
        warnings.forEach(w -> LOG.warn("{}", w));
        NetbiosSettings nb = config.netbios();
        Set<NetbiosName> session = new LinkedHashSet<>();
        List<String> hostNames = new ArrayList<>();
        hostNames.add(config.netbiosName().toUpperCase(Locale.ROOT));
        nb.aliases().forEach(a -> hostNames.add(a.toUpperCase(Locale.ROOT)));
        hostNames.forEach(n -> session.add(NetbiosName.of(n, NameSuffix.FILE_SERVER.value())));
        BrowseList list = new BrowseList(clock);
        List<Inet4Address> remote = remoteAnnounce(nb.remoteAnnounce(), warnings);
        BrowserConfig browser = BrowserConfig.of(config.netbiosName(), config.workgroup(), nb.serverString(),
                nb.osLevel(), nb.localMaster(), nb.preferredMaster(), nb.domainMaster(), remote);
        if (browserTimings.isPresent()) {
            BrowserConfig t = browserTimings.get();
            browser = browser.withTimings(t.firstAnnouncement(), t.maxAnnouncement(), t.discovery(), t.electionRound());
        }
        List<Node> nodes = new ArrayList<>();
        NetbiosServices services = new NetbiosServices(nodes, list, Set.copyOf(session), warnings);
        try {
            for (Subnet s : subnets) {
                nodes.add(services.new Node(s, config, hostNames, ports, clock, random,
                        new LocalMasterBrowser(browser, clock, random, list)));
            }
        } catch (IOException | RuntimeException e) {
            nodes.forEach(Node::close);
            throw e;
        }
        for (Node n : nodes) {
            n.begin();
        }
        Thread.ofVirtual().name("netbios-timers").start(services::timers);
        return services;
    }

    private static List<Inet4Address> remoteAnnounce(List<String> entries, List<String> warnings) {
        List<Inet4Address> out = new ArrayList<>();
        for (String e : entries) {
            String host = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            try {
                if (InetAddress.getByName(host) instanceof Inet4Address a) {
                    out.add(a);
                    continue;
                }
            } catch (UnknownHostException ex) {
                // reported below
            }
            warnings.add("remote announce: '" + e + "' is not an IPv4 address, ignored");
        }
        return out;
    }

    /** Our names a NetBIOS session request may call: NAME&lt;20&gt; and ALIAS&lt;20&gt; (for {@link SessionGate}). */
    public Set<NetbiosName> sessionNames() {
        return sessionNames;
    }

    /** The names currently owned on the first interface, in node status order. */
    public List<NodeName> names() {
        return nodes.get(0).table().names();
    }

    /** The browse list (servers and workgroups), shared by all interfaces; what NetServerEnum2 serves. */
    public BrowseList browseList() {
        return browseList;
    }

    /** The browser of the first interface. */
    public LocalMasterBrowser browser() {
        return nodes.get(0).browser;
    }

    /** The name service address of each interface (the actual port when 0 was asked). */
    public List<InetSocketAddress> nameServiceAddresses() {
        return nodes.stream().map(n -> n.ns.localAddress()).toList();
    }

    /** The datagram service address of each interface. */
    public List<InetSocketAddress> datagramAddresses() {
        return nodes.stream().map(n -> n.dgm.localAddress()).toList();
    }

    /** Names another host refused us ("NAME<00> held by 10.0.0.7"), in the order noticed. */
    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** What the interface list could not use. */
    public List<String> warnings() {
        return warnings;
    }

    private void timers() {
        try {
            while (!closing) {
                for (Node n : nodes) {
                    try {
                        n.execute(n.browser.tick());
                    } catch (RuntimeException e) {
                        LOG.error("browser timer failed on {}", n.subnet, e);
                    }
                }
                try {
                    Thread.sleep(TICK);
                } catch (InterruptedException e) {
                    return;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Gives up the master names, releases our names by broadcast and closes the sockets. */
    @Override
    public void close() {
        closing = true;
        try {
            stopped.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Node n : nodes) {
            n.execute(n.browser.stop());
            n.releaseAll();
            n.close();
        }
    }

    /** Blocks until {@link #close()} (for a foreground {@code serve}). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The services on one interface. */
    private final class Node {
        private final Subnet subnet;
        private final NameServiceConfig nsConfig;
        private final List<NodeName> base;
        private final List<NodeName> extra = new CopyOnWriteArrayList<>();
        private final Set<NetbiosName> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final RandomGenerator random;
        private final LocalMasterBrowser browser;
        private final NameService ns;
        private final UdpService dgm;
        private final int datagramPort;
        private final Object idLock = new Object();

        Node(Subnet subnet, ServerConfig config, List<String> hostNames, Ports ports, Clock clock, RandomGenerator random,
                LocalMasterBrowser browser) throws IOException {
            this.subnet = subnet;
            this.random = random;
            this.browser = browser;
            this.nsConfig = NameServiceConfig.builder().address(subnet.address()).port(ports.name())
                    .name(config.netbiosName()).workgroup(config.workgroup()).nodeType(NODE_TYPE)
                    .ttl(Duration.ofSeconds(TTL_SECONDS)).clock(clock).build();
            List<NodeName> names = new ArrayList<>();
            for (String host : hostNames) {
                for (NameSuffix s : List.of(NameSuffix.WORKSTATION, NameSuffix.MESSENGER, NameSuffix.FILE_SERVER)) {
                    names.add(node(NetbiosName.of(host, s.value()), false));
                }
            }
            names.add(node(NetbiosName.of(nsConfig.workgroup(), NameSuffix.WORKSTATION.value()), true));
            names.add(node(NetbiosName.of(nsConfig.workgroup(), NameSuffix.BROWSER_ELECTIONS.value()), true));
            this.base = List.copyOf(names);
            NameResponder responder = new NameResponder(this::table, nsConfig);
            List<InetAddress> bcast = subnet.broadcast().<List<InetAddress>>map(List::of).orElse(List.of());
            this.ns = NameService.start(nsConfig, (bytes, sender) -> {
                NameServicePacket p = NameServicePacket.decode(bytes);
                if (p.response()) {
                    onResponse(p, sender);
                    return Optional.empty();
                }
                return responder.respond(p, sender).map(NameServicePacket::encode);
            }, bcast);
            try {
                this.dgm = UdpService.start("nbdgm-" + nsConfig.name(), subnet.address(), ports.datagram(), bcast,
                        this::onDatagram, clock);
            } catch (IOException e) {
                ns.close();
                throw new IOException("cannot bind the NetBIOS datagram service: " + e.getMessage(), e);
            }
            this.datagramPort = dgm.localAddress().getPort();
            LOG.info("NetBIOS services for {} / {} on {}: names {}, datagrams on port {}", nsConfig.name(),
                    nsConfig.workgroup(), subnet, ns.localAddress().getPort(), datagramPort);
        }

        NameTable table() {
            List<NodeName> all = new ArrayList<>(base.size() + extra.size());
            for (NodeName n : base) {
                if (!refused.contains(n.name())) {
                    all.add(n);
                }
            }
            all.addAll(extra);
            return new NameTable(all);
        }

        void begin() {
            Thread.ofVirtual().name("nbns-register-" + nsConfig.name()).start(() -> register(base));
            execute(browser.start());
        }

        private int nextId() {
            synchronized (idLock) {
                return random.nextInt(1, 0x10000);
            }
        }

        /** B-node registration, RFC 1002 5.1.1.1: broadcast each name a few times; a negative answer is a conflict. */
        private void register(List<NodeName> names) {
            if (subnet.broadcast().isEmpty()) {
                return;
            }
            InetSocketAddress to = new InetSocketAddress(subnet.broadcast().get(), ns.localAddress().getPort());
            for (int i = 0; i < REGISTRATION_TRIES && !closing; i++) {
                for (NodeName n : names) {
                    NbAddress a = new NbAddress(n.group(), NODE_TYPE, subnet.address());
                    ns.send(NameServicePackets.registration(nextId(), n.name(), a, TTL_SECONDS, true).encode(), to);
                }
                try {
                    Thread.sleep(REGISTRATION_INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void releaseAll() {
            if (subnet.broadcast().isEmpty()) {
                return;
            }
            InetSocketAddress to = new InetSocketAddress(subnet.broadcast().get(), ns.localAddress().getPort());
            for (NodeName n : table().names()) {
                NbAddress a = new NbAddress(n.group(), NODE_TYPE, subnet.address());
                ns.send(NameServicePackets.release(nextId(), n.name(), a, true).encode(), to);
            }
        }

        private void onResponse(NameServicePacket p, InetSocketAddress sender) {
            if (p.kind() != org.smbscope.codec.netbios.NameServiceKind.NEGATIVE_REGISTRATION_RESPONSE) {
                return;
            }
            Optional<NetbiosName> name = p.answer().map(ResourceRecord::name);
            if (name.isEmpty() || sender.getAddress().equals(subnet.address())) {
                return;
            }
            Optional<NodeName> ours = table().find(name.get());
            if (ours.isPresent() && !ours.get().group() && refused.add(ours.get().name())) {
                String what = ours.get().name() + " held by " + sender.getAddress().getHostAddress();
                conflicts.add(what);
                LOG.error("name conflict on {}: {} (we stop answering for it)", subnet, what);
            }
        }

        private Optional<byte[]> onDatagram(byte[] bytes, InetSocketAddress sender) throws NetbiosDecodeException {
            DatagramPacket p = DatagramPacket.decode(bytes);
            if (!(p instanceof DirectDatagram d)) {
                return Optional.empty();
            }
            if (d.header().sourceIp().equals(subnet.address()) && d.header().sourcePort() == datagramPort) {
                return Optional.empty(); // our own broadcast coming back
            }
            MailslotMessage m = BrowserMessages.decodeMailslot(d.userData());
            if (m.mailslotName().equalsIgnoreCase(BrowserMessages.BROWSE_MAILSLOT)) { // \MAILSLOT\LANMAN has other layouts
                execute(browser.receive(d.source(), d.header().sourceIp(), d.destination(), m.message()));
            }
            return Optional.empty();
        }

        void execute(List<BrowserAction> actions) {
            for (BrowserAction a : actions) {
                switch (a) {
                    case BrowserAction.Broadcast b -> subnet.broadcast().ifPresentOrElse(
                            bc -> sendDatagram(b.destination(), b.group(), b.message(), bc),
                            () -> LOG.debug("no broadcast address on {}; not sending {}", subnet, b.message().opcode()));
                    case BrowserAction.Unicast u -> sendDatagram(u.destination(), false, u.message(), u.address());
                    case BrowserAction.AddName n -> {
                        NodeName nn = node(n.name(), n.group());
                        if (extra.stream().noneMatch(e -> e.name().equals(n.name()))) {
                            extra.add(nn);
                            Thread.ofVirtual().start(() -> register(List.of(nn)));
                        }
                    }
                    case BrowserAction.DropName n -> extra.removeIf(e -> e.name().equals(n.name()));
                }
            }
        }

        private void sendDatagram(NetbiosName destination, boolean group, org.smbscope.codec.netbios.browse.BrowserMessage m,
                Inet4Address to) {
            DirectDatagram d = DirectDatagram.of(group ? DatagramType.DIRECT_GROUP : DatagramType.DIRECT_UNIQUE,
                    DatagramNodeType.M_NODE, nextId(), subnet.address(), datagramPort,
                    NetbiosName.of(nsConfig.name(), NameSuffix.WORKSTATION.value()), destination,
                    BrowserMessages.encodeMailslot(BrowserMessages.BROWSE_MAILSLOT, m));
            int port = datagramPort == 0 ? Ports.STANDARD.datagram() : datagramPort;
            dgm.send(d.encode(), new InetSocketAddress(to, port));
        }

        void close() {
            ns.close();
            dgm.close();
        }
    }

    private static NodeName node(NetbiosName name, boolean group) {
        return new NodeName(name, group, NODE_TYPE, Set.of(NameState.ACTIVE));
    }
}
