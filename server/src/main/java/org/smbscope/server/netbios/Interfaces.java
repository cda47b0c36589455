package org.smbscope.server.netbios;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns smb.conf {@code interfaces} entries into {@link Subnet}s, the way smb.conf(5) reads them: an IPv4
 * address with an optional {@code /prefix} or {@code /netmask} ({@code 127.0.0.66/30},
 * {@code 10.0.0.5/255.255.255.0}), or an interface name ({@code eth0}, {@code lo}) that stands for each of its
 * IPv4 addresses. Without a mask the broadcast address is taken from the system's interface when the address
 * is local. IPv6 entries are skipped (NetBIOS over TCP/IP is IPv4 only).
 */
final class Interfaces {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Interfaces() {
    }

    static List<Subnet> parse(List<String> entries, List<String> warnings) {
        List<Subnet> out = new ArrayList<>();
        for (String e : entries) {
            String addr = e;
            String mask = null;
            int slash = e.indexOf('/');
            if (slash >= 0) {
                addr = e.substring(0, slash);
                mask = e.substring(slash + 1);
            }
            try {
                if (IPV4.matcher(addr).matches()) {
                    Inet4Address a = (Inet4Address) InetAddress.getByName(addr);
                    int prefix = mask == null ? systemPrefix(a) : prefix(mask);
                    out.add(new Subnet(a, broadcast(a, prefix)));
                } else if (addr.contains(":")) {
                    warnings.add("interfaces: IPv6 entry '" + e + "' skipped (NetBIOS is IPv4 only)");
                } else {
                    NetworkInterface ni = NetworkInterface.getByName(addr);
                    if (ni == null) {
                        warnings.add("interfaces: no interface or address '" + e + "'");
                        continue;
                    }
                    for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
                        if (ia.getAddress() instanceof Inet4Address a) {
                            out.add(new Subnet(a, broadcast(a, ia.getNetworkPrefixLength())));
                        }
                    }
                }
            } catch (UnknownHostException | SocketException | IllegalArgumentException ex) {
                warnings.add("interfaces: '" + e + "' not usable: " + ex.getMessage());
            }
        }
        return out;
    }

    private static int prefix(String mask) {
        if (mask.matches("\\d{1,2}")) {
            int p = Integer.parseInt(mask);
            if (p > 32) {
                throw new IllegalArgumentException("prefix " + p + " above 32");
            }
            return p;
        }
        if (!IPV4.matcher(mask).matches()) {
            throw new IllegalArgumentException("bad netmask " + mask);
        }
        long m = 0;
        for (String part : mask.split("\\.")) {
            m = (m << 8) | Integer.parseInt(part);
        }
        return Long.bitCount(m);
    }

    private static int systemPrefix(Inet4Address a) throws SocketException {
        NetworkInterface ni = NetworkInterface.getByInetAddress(a);
        if (ni != null) {
            for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
                if (ia.getAddress().equals(a)) {
                    return ia.getNetworkPrefixLength();
                }
            }
        }
        return -1;
    }

    /** The broadcast address, absent for an unknown prefix, /31, /32, or when it equals the address. */
    static Optional<Inet4Address> broadcast(Inet4Address a, int prefix) {
        if (prefix < 0 || prefix > 30) {
            return Optional.empty();
        }
        byte[] b = a.getAddress();
        int v = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int host = prefix == 0 ? -1 : (1 << (32 - prefix)) - 1;
        int bc = v | host;
        try {
            Inet4Address out = (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) (bc >>> 24), (byte) (bc >>> 16),
                (byte) (bc >>> 8), (byte) bc});
            return out.equals(a) ? Optional.empty() : Optional.of(out);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
