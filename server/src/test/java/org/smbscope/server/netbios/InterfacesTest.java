package org.smbscope.server.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** smb.conf interfaces entries, and a UDP service sharing its port with a wildcard socket (as with nmbd). */
class InterfacesTest {
    static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    @Test
    void addressesWithPrefixOrNetmask() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<Subnet> s = Interfaces.parse(List.of("127.0.0.66/30", "10.1.2.3/255.255.255.0", "192.168.7.9/32",
                "fe80::1/64", "nosuchif0", "127.0.0.70/40"), warnings);
        assertThat(s).containsExactly(new Subnet(v4("127.0.0.66"), Optional.of(v4("127.0.0.67"))),
                new Subnet(v4("10.1.2.3"), Optional.of(v4("10.1.2.255"))), new Subnet(v4("192.168.7.9"), Optional.empty()));
        assertThat(warnings).hasSize(3).anyMatch(w -> w.contains("IPv6")).anyMatch(w -> w.contains("nosuchif0"))
                .anyMatch(w -> w.contains("prefix 40"));
    }

    @Test
    void anInterfaceNameStandsForItsIpv4Addresses() {
        List<Subnet> s = Interfaces.parse(List.of("lo"), new ArrayList<>());
        assertThat(s).extracting(x -> x.address().getHostAddress()).contains("127.0.0.1");
    }

    @Test
    void broadcastOfAnAddressThatIsItsOwnBroadcastIsAbsent() throws Exception {
        assertThat(Interfaces.broadcast(v4("10.0.0.255"), 24)).isEmpty();
        assertThat(Interfaces.broadcast(v4("10.0.0.1"), 8)).contains(v4("10.255.255.255"));
        assertThat(Interfaces.broadcast(v4("10.0.0.1"), 31)).isEmpty();
    }

    @Test
    void aSpecificBindCoexistsWithAWildcardSocketOnTheSamePortAndGetsItsUnicast() throws Exception {
        try (DatagramSocket wildcard = new DatagramSocket(null)) {
            wildcard.setReuseAddress(true);
            wildcard.bind(new InetSocketAddress(0)); // what nmbd holds on 0.0.0.0:137 and :138
            int port = wildcard.getLocalPort();
            List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (UdpService ours = UdpService.start("test", v4("127.0.0.30"), port, List.of(v4("127.0.0.31")),
                    (bytes, sender) -> {
                        got.add(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
                        return Optional.of("ack".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }, Clock.systemUTC());
                    DatagramSocket client = new DatagramSocket(new InetSocketAddress(v4("127.0.0.29"), 0))) {
                client.setSoTimeout(2000);
                byte[] hello = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                client.send(new DatagramPacket(hello, hello.length, new InetSocketAddress(v4("127.0.0.30"), port)));
                client.send(new DatagramPacket(hello, hello.length, new InetSocketAddress(v4("127.0.0.31"), port)));
                byte[] buf = new byte[16];
                for (int i = 0; i < 2; i++) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    client.receive(p);
                    assertThat(Arrays.copyOf(buf, p.getLength())).asString().isEqualTo("ack");
                    assertThat(p.getAddress()).as("answers leave from the interface address").isEqualTo(v4("127.0.0.30"));
                }
                assertThat(got).containsExactly("hello", "hello");
            }
        }
    }
}
