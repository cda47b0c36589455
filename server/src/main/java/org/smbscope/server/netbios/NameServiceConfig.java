package org.smbscope.server.netbios;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.smbscope.codec.netbios.MacAddress;
import org.smbscope.codec.netbios.NodeType;

/**
 * What a {@link NameService} binds and which names it owns. Immutable; built and validated by
 * {@link #builder()}. The name table it serves is NAME&lt;00&gt;, NAME&lt;03&gt;, NAME&lt;20&gt;
 * (unique) and WORKGROUP&lt;00&gt;, WORKGROUP&lt;1E&gt; (group), all bound to {@link #address()}.
 *
 * @param address   local address to bind and to give out in answers (a 127.0.0.x address in tests)
 * @param port      UDP port, 137 by default, 0 for an ephemeral port (tests, demo)
 * @param name      the host's NetBIOS name, upper case, 1..15 characters
 * @param workgroup the workgroup, upper case, 1..15 characters
 * @param mac       the unit id reported by node status (zeros by default, as Samba does)
 * @param nodeType  the owner node type put in answers (B-node by default: no WINS server configured)
 * @param ttl       time to live put in positive answers
 * @param clock     time source for rate-limiting warnings
 */
public record NameServiceConfig(InetAddress address, int port, String name, String workgroup, MacAddress mac,
                                NodeType nodeType, Duration ttl, Clock clock) {
    public static final int DEFAULT_PORT = 137;

    public NameServiceConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(clock, "clock");
        if (address.getAddress().length != 4) {
            throw new IllegalArgumentException("NetBIOS over TCP/IP needs an IPv4 address, not " + address.getHostAddress());
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        name = checkName("name", name);
        workgroup = checkName("workgroup", workgroup);
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(nodeType, "nodeType");
        if (ttl.isNegative() || ttl.toSeconds() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ttl must be 0..2^32-1 seconds, not " + ttl);
        }
    }

    private static String checkName(String what, String value) {
        Objects.requireNonNull(value, what);
        String v = value.toUpperCase(Locale.ROOT);
        if (v.isEmpty() || v.length() > 15) {
            throw new IllegalArgumentException(what + " must be 1..15 characters, not '" + value + "'");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '.' || c == '*' || "\"/\\[]:|<>+=;,?".indexOf(c) >= 0) {
                throw new IllegalArgumentException(what + " '" + value + "' has a character NetBIOS names cannot hold: '" + c + "'");
            }
        }
        return v;
    }

    /** MAC as Samba prints it, "00-00-00-00-00-00". */
    public String macText() {
        return HexFormat.ofDelimiter("-").withUpperCase().formatHex(mac.bytes());
    }

    @Override
    public String toString() {
        return "NameServiceConfig[" + address.getHostAddress() + ":" + port + " " + name + " / " + workgroup
                + ", mac " + macText() + ", ttl " + ttl.toSeconds() + " s]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; {@code address} and {@code name} are required. */
    public static final class Builder {
        private InetAddress address;
        private int port = DEFAULT_PORT;
        private String name;
        private String workgroup = "WORKGROUP";
        private MacAddress mac = MacAddress.ZERO;
        private NodeType nodeType = NodeType.B_NODE;
        private Duration ttl = Duration.ofDays(3);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder address(InetAddress a) {
            this.address = a;
            return this;
        }

        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder name(String n) {
            this.name = n;
            return this;
        }

        public Builder workgroup(String w) {
            this.workgroup = w;
            return this;
        }

        public Builder mac(MacAddress m) {
            this.mac = m;
            return this;
        }

        public Builder nodeType(NodeType t) {
            this.nodeType = t;
            return this;
        }

        public Builder ttl(Duration t) {
            this.ttl = t;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public NameServiceConfig build() {
            if (address == null) {
                throw new IllegalArgumentException("address is required");
            }
            if (name == null) {
                throw new IllegalArgumentException("name is required");
            }
            return new NameServiceConfig(address, port, name, workgroup, mac, nodeType, ttl, clock);
        }
    }
}
