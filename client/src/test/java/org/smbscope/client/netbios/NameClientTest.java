package org.smbscope.client.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.MacAddress;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NmFlag;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.NodeType;
import org.smbscope.codec.netbios.RrType;

class NameClientTest {
    private static final Inet4Address HOST = (Inet4Address) InetAddress.getLoopbackAddress();
    private static final NetbiosName LAB10 = NetbiosName.of("LAB10", 0x00);

    private static NameClient client(int retries, long timeoutMillis) throws Exception {
        return new NameClient(NameClientConfig.builder().localAddress(InetAddress.getLoopbackAddress())
                .timeout(Duration.ofMillis(timeoutMillis)).retries(retries).random(new SplittableRandom(7)).build());
    }

    private static NameServicePacket decode(byte[] b) {
        try {
            return NameServicePacket.decode(b);
        } catch (NetbiosDecodeException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unicastQuerySendsRecursionDesiredAndReturnsAnswers() throws Exception {
        try (FakeResponder peer = new FakeResponder(in -> List.of(NameServicePackets.positiveResponse(decode(in), 300,
                List.of(new NbAddress(false, NodeType.H_NODE, HOST))).encode()))) {
            NameClient c = client(0, 2000);
            NameQueryResult r = c.queryUnicast(LAB10, peer.address(), true);
            assertThat(r).isEqualTo(new NameQueryResult.Found(peer.address(), LAB10, 300,
                    List.of(new NameAnswer(HOST, false, NodeType.H_NODE))));
            NameServicePacket sent = decode(peer.received.get(0));
            assertThat(sent.flags()).containsExactly(NmFlag.RECURSION_DESIRED);
            assertThat(sent.question().orElseThrow().name()).isEqualTo(LAB10);
            assertThat(sent.question().orElseThrow().type()).isEqualTo(RrType.NB);
        }
    }

    @Test
    void transactionIdsComeFromTheInjectedRandomSource() throws Exception {
        int expected = new SplittableRandom(7).nextInt(0x10000);
        try (FakeResponder peer = new FakeResponder(in -> List.of(
                NameServicePackets.negativeResponse(decode(in), NameServiceRcode.NAM_ERR).encode()))) {
            NameClient c = client(0, 2000);
            c.queryUnicast(LAB10, peer.address(), true);
            assertThat(decode(peer.received.get(0)).transactionId()).isEqualTo(expected);
        }
    }

    @Test
    void negativeResponseIsATypedResultWithItsRcode() throws Exception {
        try (FakeResponder peer = new FakeResponder(in -> List.of(
                NameServicePackets.negativeResponse(decode(in), NameServiceRcode.NAM_ERR).encode()))) {
            NameClient c = client(0, 2000);
            NameQueryResult r = c.queryUnicast(NetbiosName.of("NOSUCHNAME", 0), peer.address(), true);
            assertThat(r).isInstanceOf(NameQueryResult.NotFound.class);
            NameQueryResult.NotFound nf = (NameQueryResult.NotFound) r;
            assertThat(nf.rcode()).isEqualTo(NameServiceRcode.NAM_ERR);
            assertThat(nf.meaning()).isEqualTo("Requested name does not exist");
        }
    }

    @Test
    void silenceIsATimeoutAfterEveryRetry() throws Exception {
        try (FakeResponder peer = new FakeResponder(in -> List.of())) {
            NameClient c = client(2, 100);
            assertThatThrownBy(() -> c.queryUnicast(LAB10, peer.address(), true))
                    .isInstanceOf(NameTimeoutException.class)
                    .hasMessageContaining("no answer to")
                    .hasMessageContaining("after 3 attempts");
            assertThat(peer.received).hasSize(3);
            assertThat(peer.received.stream().map(b -> decode(b).transactionId()).distinct()).hasSize(1);
        }
    }

    @Test
    void unrelatedAndMalformedAnswersAreSkipped() throws Exception {
        try (FakeResponder peer = new FakeResponder(in -> {
                NameServicePacket q = decode(in);
                return List.of(new byte[] {1, 2, 3},
                        NameServicePackets.negativeResponse((q.transactionId() + 1) & 0xFFFF, LAB10, NameServiceRcode.SRV_ERR).encode(),
                        NameServicePackets.positiveResponse(q, 0, List.of(NbAddress.group(HOST))).encode());
             })) {
            NameClient c = client(0, 2000);
            NameQueryResult r = c.queryUnicast(LAB10, peer.address(), true);
            assertThat(((NameQueryResult.Found) r).answers()).containsExactly(new NameAnswer(HOST, true, NodeType.H_NODE));
        }
    }

    @Test
    void onlyMalformedAnswersAreAProtocolError() throws Exception {
        try (FakeResponder peer = new FakeResponder(in -> List.of(new byte[] {0, 1, (byte) 0x85}))) {
            NameClient c = client(0, 200);
            assertThatThrownBy(() -> c.queryUnicast(LAB10, peer.address(), true))
                    .isInstanceOf(NameProtocolException.class).hasCauseInstanceOf(NetbiosDecodeException.class);
        }
    }

    @Test
    void broadcastCollectsEveryAnswerUntilTheTimeout() throws Exception {
        Inet4Address other = (Inet4Address) InetAddress.getByName("127.0.0.2");
        try (FakeResponder peer = new FakeResponder(in -> List.of(
                NameServicePackets.positiveResponse(decode(in), 0, List.of(NbAddress.unique(HOST))).encode(),
                NameServicePackets.positiveResponse(decode(in), 0, List.of(NbAddress.unique(other))).encode()))) {
            NameClient c = client(0, 300);
            List<NameQueryResult> r = c.queryBroadcast(LAB10, peer.address());
            assertThat(r).hasSize(2);
            assertThat(decode(peer.received.get(0)).isBroadcast()).isTrue();
        }
    }

    @Test
    void broadcastWithNoAnswerIsEmpty() throws Exception {
        try (FakeResponder peer = new FakeResponder(in -> List.of())) {
            NameClient c = client(1, 100);
            assertThat(c.queryBroadcast(LAB10, peer.address())).isEmpty();
            assertThat(peer.received).hasSize(2);
        }
    }

    @Test
    void nodeStatusAsksForTheWildcardAndReturnsNamesMacAndStatistics() throws Exception {
        MacAddress mac = MacAddress.of(new byte[] {0, 0x0c, 0x29, 1, 2, 3});
        List<NodeName> names = List.of(NodeName.unique(NetbiosName.of("LAB10", 0x20)),
                NodeName.group(NetbiosName.of("LABGRP", 0x1e)));
        try (FakeResponder peer = new FakeResponder(in -> List.of(
                NameServicePackets.nodeStatusResponse(decode(in), names, mac).encode()))) {
            NameClient c = client(0, 2000);
            NodeStatusResult s = c.nodeStatus(peer.address());
            assertThat(s.names()).isEqualTo(names);
            assertThat(s.mac()).isEqualTo(mac);
            assertThat(s.statistics()).isPresent();
            NameServicePacket sent = decode(peer.received.get(0));
            assertThat(sent.question().orElseThrow().name().isWildcard()).isTrue();
            assertThat(sent.question().orElseThrow().type()).isEqualTo(RrType.NBSTAT);
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> NameClientConfig.builder().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> NameClientConfig.builder().retries(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retries");
        assertThatThrownBy(() -> NameClientConfig.builder().localPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localPort");
    }
}
