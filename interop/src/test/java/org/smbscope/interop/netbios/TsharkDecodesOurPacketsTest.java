package org.smbscope.interop.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.MacAddress;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.PositiveSessionResponse;
import org.smbscope.codec.netbios.SessionError;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionKeepAlive;
import org.smbscope.codec.netbios.SessionRequest;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/**
 * Every kind of NetBIOS packet we encode, written into a pcap and dissected by tshark: no
 * malformed packets, no expert errors, and tshark reads the same fields we wrote.
 */
class TsharkDecodesOurPacketsTest {
    static Path pcap;
    static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50137);
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.66", 137);

    @BeforeAll
    static void write() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "interop").toAbsolutePath());
        pcap = dir.resolve("our-netbios.pcap");
        Inet4Address addr = (Inet4Address) InetAddress.getByName("127.0.0.66");
        NetbiosName server = NetbiosName.of("LAB66", 0x20);
        NameServicePacket query = NameServicePackets.query(0x1001, NetbiosName.of("LAB66", 0x00), false, true);
        NameServicePacket status = NameServicePackets.nodeStatusRequest(0x1002, NetbiosName.wildcard());
        List<NodeName> names = List.of(NodeName.unique(NetbiosName.of("LAB66", 0x00)), NodeName.unique(server),
                NodeName.group(NetbiosName.of("LABGRP", 0x00)), NodeName.group(NetbiosName.of("LABGRP", 0x1E)));
        try (PcapWriter w = new PcapWriter(pcap)) {
            w.udp(CLIENT, SERVER, query.encode());
            w.udp(SERVER, CLIENT, NameServicePackets.positiveResponse(query, 300, List.of(NbAddress.unique(addr))).encode());
            w.udp(CLIENT, SERVER, NameServicePackets.query(0x1003, NetbiosName.of("NOSUCH", 0x00), false, true).encode());
            w.udp(SERVER, CLIENT, NameServicePackets.negativeResponse(0x1003, NetbiosName.of("NOSUCH", 0x00), NameServiceRcode.NAM_ERR).encode());
            w.udp(CLIENT, SERVER, status.encode());
            w.udp(SERVER, CLIENT, NameServicePackets.nodeStatusResponse(status, names, MacAddress.ZERO).encode());
            NameServicePacket reg = NameServicePackets.registration(0x1004, server, NbAddress.unique(addr), 300, true);
            w.udp(SERVER, new InetSocketAddress("127.0.0.67", 137), reg.encode());
            w.udp(new InetSocketAddress("127.0.0.70", 137), SERVER,
                    NameServicePackets.registrationResponse(reg, NameServiceRcode.ACT_ERR, 0).encode());
            w.udp(SERVER, new InetSocketAddress("127.0.0.67", 137),
                    NameServicePackets.release(0x1005, server, NbAddress.unique(addr), true).encode());
            w.udp(SERVER, new InetSocketAddress("127.0.0.67", 137),
                    NameServicePackets.refresh(0x1006, server, NbAddress.unique(addr), 300).encode());
            SessionFrameCodec codec = SessionFrameCodec.DEFAULT;
            InetSocketAddress c139 = new InetSocketAddress("127.0.0.1", 50139);
            InetSocketAddress s139 = new InetSocketAddress("127.0.0.66", 139);
            byte[] request = codec.encode(new SessionRequest(server, NetbiosName.of("CLIENT", 0x00)));
            w.tcpFromClient(c139, s139, request);
            w.tcpReply(s139, c139, request.length, codec.encode(new PositiveSessionResponse()));
            InetSocketAddress c2 = new InetSocketAddress("127.0.0.1", 50140);
            byte[] request2 = codec.encode(new SessionRequest(NetbiosName.of("WRONG", 0x20), NetbiosName.of("CLIENT", 0x00)));
            w.tcpFromClient(c2, s139, request2);
            w.tcpReply(s139, c2, request2.length, codec.encode(new NegativeSessionResponse(SessionError.CALLED_NAME_NOT_PRESENT)));
            InetSocketAddress c3 = new InetSocketAddress("127.0.0.1", 50141);
            w.tcpFromClient(c3, s139, codec.encode(new SessionKeepAlive()));
        }
    }

    static ProcessResult tshark(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Peers.require("tshark").toString(), "-n", "-r", pcap.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(60), cmd);
    }

    @Test
    void noMalformedPacketsAndNoExpertErrors() {
        ProcessResult verbose = tshark("-V");
        assertThat(verbose.exitCode()).as(verbose.output()).isZero();
        assertThat(verbose.stdout()).doesNotContain("Malformed").doesNotContain("[Expert Info (Error");
        ProcessResult expert = tshark("-q", "-z", "expert,error");
        assertThat(expert.stdout()).as(expert.output()).doesNotContainPattern("(?m)^\\s*Error\\s");
    }

    @Test
    void tsharkReadsOurNameServiceFields() {
        ProcessResult r = tshark("-Y", "nbns", "-T", "fields", "-E", "separator=|",
                "-e", "nbns.id", "-e", "nbns.flags.response", "-e", "nbns.flags.opcode", "-e", "nbns.flags.rcode",
                "-e", "nbns.name", "-e", "nbns.addr");
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("0x1001|").contains("LAB66<00>");
        assertThat(lines.get(1)).contains("127.0.0.66");
        assertThat(lines.get(3)).contains("|3|"); // rcode NAM_ERR
        assertThat(lines.get(6)).startsWith("0x1004|0|5|").contains("LAB66<20>");
        assertThat(lines.get(7)).contains("|6|"); // ACT_ERR
    }

    @Test
    void tsharkReadsOurNodeStatusTable() {
        ProcessResult r = tshark("-Y", "nbns.id==0x1002 && nbns.flags.response==1", "-T", "fields",
                "-e", "nbns.netbios_name", "-e", "nbns.unit_id");
        assertThat(r.stdout().strip()).isEqualTo("LAB66,LAB66,LABGRP,LABGRP\t00:00:00:00:00:00");
    }

    @Test
    void tsharkReadsOurSessionServicePackets() {
        ProcessResult r = tshark("-Y", "nbss", "-T", "fields", "-E", "separator=|", "-e", "nbss.type",
                "-e", "nbss.called_name", "-e", "nbss.calling_name", "-e", "nbss.error_code");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("LAB66<20>").contains("CLIENT<00>").contains("0x82");
        assertThat(r.stdout().lines().map(l -> l.split("\\|")[0]).toList())
                .contains("0x81", "0x82", "0x83", "0x85");
    }
}
