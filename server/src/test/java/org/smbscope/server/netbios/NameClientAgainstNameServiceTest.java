package org.smbscope.server.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smbscope.client.netbios.NameAnswer;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameClientConfig;
import org.smbscope.client.netbios.NameQueryResult;
import org.smbscope.client.netbios.NameTimeoutException;
import org.smbscope.client.netbios.NodeStatusResult;
import org.smbscope.codec.netbios.MacAddress;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NameState;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeType;

/** Our name client against our name service on 127.0.0.1, ephemeral ports. */
class NameClientAgainstNameServiceTest {
    private static final Inet4Address HOST = (Inet4Address) InetAddress.getLoopbackAddress();
    private NameService service;
    private NameClient client;
    private InetSocketAddress server;

    @BeforeEach
    void start() throws Exception {
        service = NameService.start(NameServiceConfig.builder().address(HOST).port(0).name("demo").workgroup("labgrp")
                .mac(MacAddress.of(new byte[] {0x02, 0, 0, 0, 0, 0x10})).build());
        server = service.localAddress();
        client = new NameClient(NameClientConfig.builder().localAddress(HOST).timeout(Duration.ofMillis(300))
                .retries(1).random(new SplittableRandom(1)).build());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void answersAUniqueName() throws Exception {
        NameQueryResult r = client.queryUnicast(NetbiosName.of("DEMO", 0x20), server, true);
        assertThat(r).isInstanceOf(NameQueryResult.Found.class);
        assertThat(((NameQueryResult.Found) r).answers()).containsExactly(new NameAnswer(HOST, false, NodeType.B_NODE));
        assertThat(((NameQueryResult.Found) r).ttl()).isEqualTo(Duration.ofDays(3).toSeconds());
    }

    @Test
    void answersTheWorkgroupAsAGroupNameWhateverTheCase() throws Exception {
        NameQueryResult r = client.queryUnicast(new NetbiosName("LabGrp", 0x1e, ""), server, false);
        assertThat(((NameQueryResult.Found) r).answers()).containsExactly(new NameAnswer(HOST, true, NodeType.B_NODE));
    }

    @Test
    void unicastQueryForAnotherNameIsNamErr() throws Exception {
        NameQueryResult r = client.queryUnicast(NetbiosName.of("DEMO", 0x1d), server, true);
        assertThat(r).isInstanceOf(NameQueryResult.NotFound.class);
        assertThat(((NameQueryResult.NotFound) r).rcode()).isEqualTo(NameServiceRcode.NAM_ERR);
    }

    @Test
    void broadcastQueryIsAnsweredOnlyForOurNames() throws Exception {
        assertThat(client.queryBroadcast(NetbiosName.of("DEMO", 0x00), server)).hasSize(1);
        assertThat(client.queryBroadcast(NetbiosName.of("OTHER", 0x00), server)).isEmpty();
    }

    @Test
    void nodeStatusListsTheNameTable() throws Exception {
        NodeStatusResult s = client.nodeStatus(server);
        assertThat(s.names()).extracting(n -> n.name().toString() + (n.group() ? " group" : ""))
                .containsExactly("DEMO<00>", "DEMO<03>", "DEMO<20>", "LABGRP<00> group", "LABGRP<1e> group");
        assertThat(s.names()).allSatisfy(n -> assertThat(n.states()).containsExactly(NameState.ACTIVE));
        assertThat(s.mac().toString()).isEqualTo("02:00:00:00:00:10");
        assertThat(s.statistics()).isPresent();
    }

    @Test
    void nodeStatusForAnotherNameIsIgnored() {
        assertThatThrownBy(() -> client.nodeStatus(server, NetbiosName.of("OTHER", 0)))
                .isInstanceOf(NameTimeoutException.class);
    }

    @Test
    void garbageIsIgnoredAndTheNextQueryAnswered() throws Exception {
        try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress(HOST, 0))) {
            for (byte[] junk : List.of(new byte[0], new byte[] {1, 2, 3}, new byte[50],
                    hexBytes("0001 0110 0001 0000 0000 0000 20 4141"))) {
                raw.send(new DatagramPacket(junk, junk.length, server));
            }
        }
        NameQueryResult r = client.queryUnicast(NetbiosName.of("DEMO", 0x00), server, true);
        assertThat(r).isInstanceOf(NameQueryResult.Found.class);
    }

    @Test
    void defendsAUniqueNameAgainstAnotherHost() throws Exception {
        Inet4Address intruder = (Inet4Address) InetAddress.getByName("127.0.0.99");
        NameServicePacket reg = NameServicePackets.registration(0x4242, NetbiosName.of("DEMO", 0x20),
                NbAddress.unique(intruder), 300, true);
        NameServicePacket reply = exchangeRaw(reg);
        assertThat(reply.transactionId()).isEqualTo(0x4242);
        assertThat(reply.response()).isTrue();
        assertThat(reply.rcode()).isEqualTo(NameServiceRcode.ACT_ERR);
        assertThat(reply.kind().name()).isEqualTo("NEGATIVE_REGISTRATION_RESPONSE");
    }

    @Test
    void doesNotDefendGroupNamesOrItsOwnAddress() throws Exception {
        Inet4Address other = (Inet4Address) InetAddress.getByName("127.0.0.99");
        NameServicePacket group = NameServicePackets.registration(1, NetbiosName.of("LABGRP", 0x00),
                NbAddress.group(other), 300, true);
        NameServicePacket self = NameServicePackets.registration(2, NetbiosName.of("DEMO", 0x00),
                NbAddress.unique(HOST), 300, true);
        NameResponder responder = new NameResponder(NameTable.of(service.config()), service.config());
        InetSocketAddress sender = new InetSocketAddress(other, 137);
        assertThat(responder.respond(group, sender)).isEmpty();
        assertThat(responder.respond(self, sender)).isEmpty();
    }

    @Test
    void closeReleasesThePort() throws Exception {
        service.close();
        try (DatagramSocket again = new DatagramSocket(server)) {
            assertThat(again.getLocalPort()).isEqualTo(server.getPort());
        }
    }

    @Test
    void answersFromManyVirtualThreadsAtOnce() throws Exception {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<NameQueryResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    NameClient c = new NameClient(NameClientConfig.builder().localAddress(HOST)
                            .timeout(Duration.ofSeconds(1)).build());
                    return c.queryUnicast(NetbiosName.of("DEMO", 0x03), server, true);
                }));
            }
            for (var f : futures) {
                assertThat(f.get()).isInstanceOf(NameQueryResult.Found.class);
            }
        }
    }

    private NameServicePacket exchangeRaw(NameServicePacket request) throws Exception {
        try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress(HOST, 0))) {
            raw.setSoTimeout(2000);
            byte[] b = request.encode();
            raw.send(new DatagramPacket(b, b.length, server));
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            raw.receive(p);
            return NameServicePacket.decode(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        }
    }

    private static byte[] hexBytes(String s) {
        return java.util.HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void configIsValidated() {
        var b = NameServiceConfig.builder().address(HOST);
        assertThatThrownBy(b::build).hasMessageContaining("name is required");
        assertThatThrownBy(() -> b.name("THIS_NAME_IS_TOO_LONG").build()).hasMessageContaining("1..15");
        assertThatThrownBy(() -> b.name("A.B").build()).hasMessageContaining("'.'");
        assertThatThrownBy(() -> b.name("OK").port(-1).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> NameServiceConfig.builder().name("X").build()).hasMessageContaining("address");
        NameServiceConfig c = NameServiceConfig.builder().address(HOST).name("host1").build();
        assertThat(c.name()).isEqualTo("HOST1");
        assertThat(c.workgroup()).isEqualTo("WORKGROUP");
        assertThat(c.port()).isEqualTo(137);
        assertThat(c.macText()).isEqualTo("00-00-00-00-00-00");
        assertThat(Set.of(c.nodeType())).containsExactly(NodeType.B_NODE);
    }
}
