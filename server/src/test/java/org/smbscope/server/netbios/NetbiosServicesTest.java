package org.smbscope.server.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameClientConfig;
import org.smbscope.client.netbios.NameQueryResult;
import org.smbscope.codec.netbios.DatagramNodeType;
import org.smbscope.codec.netbios.DatagramType;
import org.smbscope.codec.netbios.DirectDatagram;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.NodeType;
import org.smbscope.codec.netbios.browse.Announcement;
import org.smbscope.codec.netbios.browse.BrowserMessage;
import org.smbscope.codec.netbios.browse.BrowserMessages;
import org.smbscope.codec.netbios.browse.GetBackupListRequest;
import org.smbscope.codec.netbios.browse.GetBackupListResponse;
import org.smbscope.server.browse.BrowseServer;
import org.smbscope.server.browse.BrowserConfig;
import org.smbscope.server.browse.LocalMasterBrowser;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/** The services of one interface (127.0.0.30/30, ephemeral ports) against our name client and raw datagrams. */
class NetbiosServicesTest {
    static final Inet4Address US = v4("127.0.0.30");
    static final Inet4Address PEER = v4("127.0.0.29");
    NetbiosServices nb;
    NameClient client;
    DatagramSocket peerDgm;

    static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        ServerConfig c = SmbConfParser.parse("""
                [global]
                netbios name = unitsrv
                workgroup = unitgrp
                netbios aliases = alias1
                interfaces = 127.0.0.30/30
                preferred master = yes
                os level = 33
                server string = unit test server
                remote announce = 127.0.0.29/UNITGRP
                """, Path.of("."));
        BrowserConfig fast = BrowserConfig.of("X", "X", "", 0, true, false, false, List.of())
                .withTimings(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(100));
        nb = NetbiosServices.start(c, new NetbiosServices.Ports(0, 0), Clock.systemUTC(), new SplittableRandom(3),
                Optional.of(fast));
        client = new NameClient(NameClientConfig.builder().localAddress(PEER).timeout(Duration.ofMillis(500)).retries(1)
                .random(new SplittableRandom(1)).build());
        peerDgm = new DatagramSocket(new InetSocketAddress(PEER, nb.datagramAddresses().get(0).getPort()));
        peerDgm.setSoTimeout(3000);
    }

    @AfterEach
    void stop() {
        nb.close();
        peerDgm.close();
    }

    InetSocketAddress ns() {
        return nb.nameServiceAddresses().get(0);
    }

    void awaitMaster() throws InterruptedException {
        for (int i = 0; i < 100 && nb.browser().role() != LocalMasterBrowser.Role.MASTER; i++) {
            Thread.sleep(50);
        }
        assertThat(nb.browser().role()).isEqualTo(LocalMasterBrowser.Role.MASTER);
    }

    @Test
    void nodeStatusShowsOurBNodeNamesAndAfterTheElectionTheMasterBrowserNames() throws Exception {
        assertThat(nb.sessionNames()).containsExactlyInAnyOrder(NetbiosName.of("UNITSRV", 0x20), NetbiosName.of("ALIAS1", 0x20));
        List<NodeName> names = client.nodeStatus(ns()).names();
        assertThat(names).extracting(n -> n.name().toString()).contains("UNITSRV<00>", "UNITSRV<03>", "UNITSRV<20>",
                "ALIAS1<20>", "UNITGRP<00>", "UNITGRP<1e>");
        assertThat(names).allSatisfy(n -> assertThat(n.nodeType()).isEqualTo(NodeType.B_NODE));
        awaitMaster();
        assertThat(client.nodeStatus(ns()).names()).extracting(NodeName::name)
                .contains(NetbiosName.of("UNITGRP", 0x1D), NetbiosName.msBrowse());
        NameQueryResult r = client.queryUnicast(NetbiosName.of("UNITGRP", 0x1D), ns(), true);
        assertThat(r).isInstanceOf(NameQueryResult.Found.class);
    }

    @Test
    void aRegistrationOfOurNameByAnotherHostIsRefused() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(PEER, 0))) {
            s.setSoTimeout(2000);
            byte[] req = NameServicePackets.registration(0x4242, NetbiosName.of("UNITSRV", 0x20),
                    NbAddress.unique(PEER), 300, true).encode();
            s.send(new DatagramPacket(req, req.length, ns()));
            byte[] buf = new byte[576];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            NameServicePacket answer = NameServicePacket.decode(Arrays.copyOf(buf, p.getLength()));
            assertThat(answer.transactionId()).isEqualTo(0x4242);
            assertThat(answer.rcode()).isEqualTo(NameServiceRcode.ACT_ERR);
        }
    }

    @Test
    void aNegativeAnswerToOurRegistrationIsAConflictAndTheNameIsDropped() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(PEER, 0))) {
            NameServicePacket ourRequest = NameServicePackets.registration(7, NetbiosName.of("UNITSRV", 0x03),
                    NbAddress.unique(US), 300, true);
            byte[] no = NameServicePackets.registrationResponse(ourRequest, NameServiceRcode.ACT_ERR, 0).encode();
            s.send(new DatagramPacket(no, no.length, ns()));
        }
        for (int i = 0; i < 40 && nb.conflicts().isEmpty(); i++) {
            Thread.sleep(25);
        }
        assertThat(nb.conflicts()).containsExactly("UNITSRV<03> held by 127.0.0.29");
        assertThat(nb.names()).extracting(NodeName::name).doesNotContain(NetbiosName.of("UNITSRV", 0x03));
    }

    BrowserMessage receiveBrowser() throws Exception {
        byte[] buf = new byte[1024];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        peerDgm.receive(p);
        DirectDatagram d = (DirectDatagram) org.smbscope.codec.netbios.DatagramPacket.decode(Arrays.copyOf(buf, p.getLength()));
        assertThat(d.source()).isEqualTo(NetbiosName.of("UNITSRV", 0x00));
        assertThat(d.header().flags().sourceNodeType()).isEqualTo(DatagramNodeType.M_NODE);
        return BrowserMessages.decodeMailslot(d.userData()).message();
    }

    void sendBrowser(NetbiosName to, BrowserMessage m) throws Exception {
        byte[] d = DirectDatagram.of(DatagramType.DIRECT_UNIQUE, DatagramNodeType.B_NODE, 9, PEER, peerDgm.getLocalPort(),
                NetbiosName.of("PEERHOST", 0), to, BrowserMessages.encodeMailslot("\\MAILSLOT\\BROWSE", m)).encode();
        peerDgm.send(new DatagramPacket(d, d.length, nb.datagramAddresses().get(0)));
    }

    @Test
    void remoteAnnounceSendsOurHostAnnouncementsAndTheMasterKeepsTheBrowseList() throws Exception {
        List<BrowserMessage> got = new ArrayList<>();
        try {
            while (got.size() < 2) {
                got.add(receiveBrowser());
            }
        } catch (SocketTimeoutException e) {
            // assertion below says what arrived
        }
        assertThat(got).isNotEmpty().allSatisfy(m -> assertThat(m).isInstanceOfSatisfying(Announcement.class, a -> {
            assertThat(a.opcode()).isEqualTo(Announcement.HOST_ANNOUNCEMENT);
            assertThat(a.serverName()).isEqualTo("UNITSRV");
            assertThat(a.comment()).isEqualTo("unit test server");
        }));
        awaitMaster();
        sendBrowser(NetbiosName.of("UNITGRP", 0x1D), Announcement.host(0, 60_000, "PEERHOST", 10, 0, 0x1003, "peer"));
        for (int i = 0; i < 40 && nb.browseList().servers().size() < 2; i++) {
            Thread.sleep(25);
        }
        assertThat(nb.browseList().servers()).extracting(BrowseServer::name).containsExactly("PEERHOST", "UNITSRV");
        assertThat(nb.browseList().workgroups()).extracting(w -> w.name() + "/" + w.master()).contains("UNITGRP/UNITSRV");
        sendBrowser(NetbiosName.of("UNITGRP", 0x1D), new GetBackupListRequest(2, 99));
        BrowserMessage reply;
        do {
            reply = receiveBrowser();
        } while (reply instanceof Announcement);
        assertThat(reply).isEqualTo(new GetBackupListResponse(99, List.of("UNITSRV")));
    }
}
