package org.smbscope.server.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;

/** The name service on a loopback ephemeral port, driven with raw datagrams. */
class NameServiceTest {
    private NameService ns;
    private DatagramSocket client;

    @BeforeEach
    void start() throws IOException {
        ns = NameService.start(NameServiceConfig.builder().address(InetAddress.getLoopbackAddress()).port(0)
                .name("fileserv").workgroup("labgrp").build());
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(2000);
    }

    @AfterEach
    void stop() {
        client.close();
        ns.close();
    }

    private Optional<NameServicePacket> ask(byte[] request) throws Exception {
        client.send(new DatagramPacket(request, request.length, ns.localAddress()));
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            client.receive(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(NameServicePacket.decode(Arrays.copyOf(buf, p.getLength())));
    }

    @Test
    void answersAQueryForItsFileServerName() throws Exception {
        NameServicePacket r = ask(NameServicePackets.query(0x1234, NetbiosName.of("FILESERV", 0x20), false, true).encode())
                .orElseThrow();
        assertThat(r.transactionId()).isEqualTo(0x1234);
        assertThat(r.rcode()).isEqualTo(NameServiceRcode.NO_ERROR);
        assertThat(r.answer().orElseThrow().addresses()).extracting(NbAddress::address)
                .containsExactly((java.net.Inet4Address) InetAddress.getLoopbackAddress());
    }

    @Test
    void unicastQueryForAnotherNameGetsNamErr() throws Exception {
        NameServicePacket r = ask(NameServicePackets.query(7, NetbiosName.of("OTHER", 0x00), false, true).encode()).orElseThrow();
        assertThat(r.rcode()).isEqualTo(NameServiceRcode.NAM_ERR);
    }

    @Test
    void nodeStatusListsTheFiveNames() throws Exception {
        NameServicePacket r = ask(NameServicePackets.nodeStatusRequest(9, NetbiosName.wildcard()).encode()).orElseThrow();
        List<String> names = r.nodeStatus().orElseThrow().names().stream().map(NodeName::name).map(NetbiosName::toString).toList();
        assertThat(names).containsExactly("FILESERV<00>", "FILESERV<03>", "FILESERV<20>", "LABGRP<00>", "LABGRP<1e>");
    }

    @Test
    void defendsItsUniqueNameAgainstAnotherHost() throws Exception {
        NbAddress other = NbAddress.unique((java.net.Inet4Address) InetAddress.getByName("127.0.0.99"));
        NameServicePacket r = ask(NameServicePackets.registration(11, NetbiosName.of("FILESERV", 0x20), other, 300, true).encode())
                .orElseThrow();
        assertThat(r.rcode()).isEqualTo(NameServiceRcode.ACT_ERR);
    }

    @Test
    void garbageIsIgnoredAndTheServiceKeepsAnswering() throws Exception {
        assertThat(ask(new byte[] {1, 2, 3})).isEmpty();
        byte[] loop = org.smbscope.codec.wire.Hex.parse("""
            00 01 00 00 00 01 00 00 00 00 00 00   # query, 1 question
            c0 0c 00 20 00 01                     # name: pointer to itself
            """);
        assertThat(ask(loop)).isEmpty();
        assertThat(ask(NameServicePackets.query(3, NetbiosName.of("FILESERV", 0x00), false, false).encode())).isPresent();
    }
}
