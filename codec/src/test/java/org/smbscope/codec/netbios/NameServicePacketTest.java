package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** Golden packets from /work/shared/captures/g_nmblookup.pcapng (nmblookup against Samba nmbd). */
class NameServicePacketTest {

    static final NetbiosName LAB10_00 = NetbiosName.of("LAB10", 0x00);

    /** Frame 2: nmblookup -S asks 127.0.0.10 for its node status. */
    static final byte[] NODE_STATUS_REQUEST = Hex.parse("""
        34 0d                 # NAME_TRN_ID 0x340d
        00 00                 # R=0 OPCODE=0 (query) NM_FLAGS=0 RCODE=0
        00 01  00 00          # QDCOUNT 1, ANCOUNT 0
        00 00  00 00          # NSCOUNT 0, ARCOUNT 0
        20                    # label length 32
        43 4b                 # 'C''K' = 0x2a '*'
        41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41   # 'A''A' = 0x00 padding ...
        41 41 41 41 41 41 41 41 41 41 41 41 41 41         # ... and suffix 0x00
        00                    # root label
        00 21                 # QUESTION_TYPE NBSTAT
        00 01                 # QUESTION_CLASS IN
        """);

    /** Frame 3: Samba's node status response, 5 names and a 46-byte zero statistics block. */
    static final byte[] NODE_STATUS_RESPONSE = Hex.parse("""
        34 0d                 # NAME_TRN_ID 0x340d
        84 00                 # R=1 OPCODE=0 AA=1 RCODE=0
        00 00  00 01  00 00  00 00   # QD 0, AN 1, NS 0, AR 0
        20 43 4b 41 41 41 41 41 41 41 41 41 41 41 41 41 41   # RR_NAME *<00>
           41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 00
        00 21  00 01          # RR_TYPE NBSTAT, RR_CLASS IN
        00 00 00 00           # TTL 0
        00 89                 # RDLENGTH 137 = 1 + 5 * 18 + 46
        05                    # NUM_NAMES 5
        4c 41 42 31 30 20 20 20 20 20 20 20 20 20 20  00   64 00   # LAB10<00>, H-node, unique, ACT
        4c 41 42 31 30 20 20 20 20 20 20 20 20 20 20  03   64 00   # LAB10<03>
        4c 41 42 31 30 20 20 20 20 20 20 20 20 20 20  20   64 00   # LAB10<20>
        4c 41 42 47 52 50 20 20 20 20 20 20 20 20 20  00   e4 00   # LABGRP<00>, group
        4c 41 42 47 52 50 20 20 20 20 20 20 20 20 20  1e   e4 00   # LABGRP<1e>, group
        00 00 00 00 00 00     # UNIT_ID (Samba: zero)
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # statistics: all zero
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        """);

    /** Frame 4: name query for LAB10<00>, unicast, recursion desired. */
    static final byte[] QUERY = Hex.parse("""
        16 db                 # NAME_TRN_ID
        01 00                 # R=0 OPCODE=0 RD=1
        00 01 00 00 00 00 00 00
        20 45 4d 45 42 45 43 44 42 44 41   # 'E''M'=L 'E''B'=A 'E''C'=B 'D''B'=1 'D''A'=0
           43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41   # 'C''A' = space x10
           41 41              # suffix 0x00
           00
        00 20 00 01           # NB, IN
        """);

    /** Frame 5: positive name query response, 127.0.0.10, H-node unique. */
    static final byte[] POSITIVE_RESPONSE = Hex.parse("""
        16 db                 # NAME_TRN_ID
        85 80                 # R=1 OPCODE=0 AA=1 RD=1 RA=1 RCODE=0
        00 00 00 01 00 00 00 00
        20 45 4d 45 42 45 43 44 42 44 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 41 41 00
        00 20 00 01           # NB, IN
        00 03 f4 77           # TTL 259191 s
        00 06                 # RDLENGTH
        60 00                 # NB_FLAGS: G=0, ONT=3 (H-node)
        7f 00 00 0a           # NB_ADDRESS 127.0.0.10
        """);

    /** Frame 6: name query for LABGRP<1d>, no flags. */
    static final byte[] QUERY_1D = Hex.parse("""
        19 33  00 00  00 01 00 00 00 00 00 00
        20 45 4d 45 42 45 43 45 48 46 43 46 41   # L A B G R P
           43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41
           42 4e              # suffix 0x1d
           00
        00 20 00 01
        """);

    /** Frame 7: negative response, NAM_ERR, a NULL record with no data. */
    static final byte[] NEGATIVE_RESPONSE = Hex.parse("""
        19 33                 # NAME_TRN_ID
        85 83                 # R=1 AA=1 RD=1 RA=1 RCODE=3 (NAM_ERR)
        00 00 00 01 00 00 00 00
        20 45 4d 45 42 45 43 45 48 46 43 46 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 42 4e 00
        00 0a 00 01           # NULL, IN
        00 00 00 00           # TTL 0
        00 00                 # RDLENGTH 0
        """);

    @Test
    void nodeStatusRequest() throws Exception {
        NameServicePacket p = NameServicePacket.decode(NODE_STATUS_REQUEST);
        assertThat(p).isEqualTo(new NameServicePacket(0x340d, false, NameServiceOpcode.QUERY, Set.of(),
                NameServiceRcode.NO_ERROR, List.of(Question.nbstat(NetbiosName.wildcard())), List.of(), List.of(),
                List.of()));
        assertThat(p.kind()).isEqualTo(NameServiceKind.NODE_STATUS_REQUEST);
        assertThat(NameServicePackets.nodeStatusRequest(0x340d, NetbiosName.wildcard()).encode())
                .isEqualTo(NODE_STATUS_REQUEST);
        assertThat(p.detail().render()).isEqualTo("""
            NetBIOS Name Service
              Transaction ID: 0x340d
              Flags: 0x0000 (Name query)
                Response: Message is a query
                Opcode: Name query (0)
                Truncated: Message is not truncated
                Recursion desired: Don't do query recursively
                Broadcast: Not a broadcast packet
              Questions: 1
              Answer RRs: 0
              Authority RRs: 0
              Additional RRs: 0
              Queries
                *<00>: type NBSTAT, class IN
                  Name: *<00> (Workstation Service)
                  Type: NBSTAT (33)
                  Class: IN (1)
            """);
    }

    @Test
    void nodeStatusResponse() throws Exception {
        NameServicePacket p = NameServicePacket.decode(NODE_STATUS_RESPONSE);
        assertThat(p.kind()).isEqualTo(NameServiceKind.NODE_STATUS_RESPONSE);
        NodeStatusRData ns = p.nodeStatus().orElseThrow();
        assertThat(ns.names()).containsExactly(
                NodeName.unique(NetbiosName.of("LAB10", 0x00)),
                NodeName.unique(NetbiosName.of("LAB10", 0x03)),
                NodeName.unique(NetbiosName.of("LAB10", 0x20)),
                NodeName.group(NetbiosName.of("LABGRP", 0x00)),
                NodeName.group(NetbiosName.of("LABGRP", 0x1e)));
        assertThat(ns.unitId()).contains(MacAddress.ZERO);
        assertThat(ns.parsedStatistics()).contains(NodeStatistics.zero(MacAddress.ZERO));
        assertThat(ns.names().get(3).meaning()).isEqualTo("Domain/Workgroup Name");
        assertThat(ns.names().get(2).nmblookupLine()).isEqualTo("LAB10           <20> -         H <ACTIVE> ");
        assertThat(ns.names().get(4).nmblookupLine()).isEqualTo("LABGRP          <1e> - <GROUP> H <ACTIVE> ");

        NameServicePacket request = NameServicePacket.decode(NODE_STATUS_REQUEST);
        assertThat(NameServicePackets.nodeStatusResponse(request, ns.names(), MacAddress.ZERO).encode())
                .isEqualTo(NODE_STATUS_RESPONSE);
        assertThat(p.encode()).isEqualTo(NODE_STATUS_RESPONSE);
        String text = p.detail().render();
        assertThat(text).contains("""
                  Number of names: 5
                  Name: LAB10<00> (Workstation Service)
                    Name flags: 0x6400 (H-node, unique, ACT)
                  Name: LAB10<03> (Messenger Service)
                    Name flags: 0x6400 (H-node, unique, ACT)
                  Name: LAB10<20> (File Server Service)
                    Name flags: 0x6400 (H-node, unique, ACT)
                  Name: LABGRP<00> (Domain/Workgroup Name)
                    Name flags: 0xe400 (H-node, group, ACT)
                  Name: LABGRP<1e> (Browser Election Service)
                    Name flags: 0xe400 (H-node, group, ACT)
                  Statistics
                    Unit ID: 00:00:00:00:00:00
            """);
        assertThat(text).startsWith("""
            NetBIOS Name Service
              Transaction ID: 0x340d
              Flags: 0x8400 (Name query response)
            """);
    }

    @Test
    void shortStatisticsBlockIsTolerated() throws Exception {
        // same response, but only the UNIT_ID and two more bytes after the names
        byte[] wire = java.util.Arrays.copyOf(NODE_STATUS_RESPONSE, NODE_STATUS_RESPONSE.length - 38);
        wire[54] = 0;
        wire[55] = (byte) (137 - 38);
        NameServicePacket p = NameServicePacket.decode(wire);
        NodeStatusRData ns = p.nodeStatus().orElseThrow();
        assertThat(ns.statistics()).hasSize(8);
        assertThat(ns.unitId()).contains(MacAddress.ZERO);
        assertThat(ns.parsedStatistics()).isEmpty();
        assertThat(p.detail().render()).contains("Statistics: 8 bytes (short block): 0000000000000000");
        assertThat(p.encode()).isEqualTo(wire);

        // no statistics at all
        byte[] none = java.util.Arrays.copyOf(NODE_STATUS_RESPONSE, NODE_STATUS_RESPONSE.length - 46);
        none[55] = (byte) (137 - 46);
        assertThat(NameServicePacket.decode(none).nodeStatus().orElseThrow().unitId()).isEmpty();
    }

    @Test
    void queryWithRecursionDesired() throws Exception {
        NameServicePacket p = NameServicePacket.decode(QUERY);
        assertThat(p).isEqualTo(NameServicePackets.query(0x16db, LAB10_00, false, true));
        assertThat(p.has(NmFlag.RECURSION_DESIRED)).isTrue();
        assertThat(p.summary()).isEqualTo("Name query NB LAB10<00>");
        assertThat(p.encode()).isEqualTo(QUERY);
        assertThat(p.detail().render()).contains("Flags: 0x0100 (Name query)",
                "Recursion desired: Do query recursively", "Name: LAB10<00> (Workstation Service)");

        NameServicePacket q1d = NameServicePacket.decode(QUERY_1D);
        assertThat(q1d).isEqualTo(NameServicePackets.query(0x1933, NetbiosName.of("LABGRP", 0x1d), false, false));
        assertThat(q1d.detail().render()).contains("Name: LABGRP<1d> (Master Browser)");
    }

    @Test
    void positiveResponse() throws Exception {
        NameServicePacket p = NameServicePacket.decode(POSITIVE_RESPONSE);
        NbAddress addr = NbAddress.unique((java.net.Inet4Address) InetAddress.getByName("127.0.0.10"));
        assertThat(p).isEqualTo(NameServicePackets.positiveResponse(NameServicePacket.decode(QUERY), 259191,
                List.of(addr)));
        assertThat(p.answer().orElseThrow().addresses()).containsExactly(addr);
        assertThat(p.kind()).isEqualTo(NameServiceKind.POSITIVE_NAME_QUERY_RESPONSE);
        assertThat(p.summary()).isEqualTo("Name query response NB 127.0.0.10");
        assertThat(p.encode()).isEqualTo(POSITIVE_RESPONSE);
        assertThat(p.detail().render()).isEqualTo("""
            NetBIOS Name Service
              Transaction ID: 0x16db
              Flags: 0x8580 (Name query response)
                Response: Message is a response
                Opcode: Name query (0)
                Authoritative: Server is an authority for domain
                Truncated: Message is not truncated
                Recursion desired: Do query recursively
                Recursion available: Server can do recursive queries
                Broadcast: Not a broadcast packet
                Reply code: No error (0)
              Questions: 0
              Answer RRs: 1
              Authority RRs: 0
              Additional RRs: 0
              Answers
                LAB10<00>: type NB, class IN
                  Name: LAB10<00> (Workstation Service)
                  Type: NB (32)
                  Class: IN (1)
                  Time to live: 259191 (2 days, 23 hours, 59 minutes, 51 seconds)
                  Data length: 6
                  Name flags: 0x6000 (H-node, unique)
                  Addr: 127.0.0.10
            """);
    }

    @Test
    void negativeResponse() throws Exception {
        NameServicePacket p = NameServicePacket.decode(NEGATIVE_RESPONSE);
        assertThat(p).isEqualTo(NameServicePackets.negativeResponse(NameServicePacket.decode(QUERY_1D),
                NameServiceRcode.NAM_ERR));
        assertThat(p.kind()).isEqualTo(NameServiceKind.NEGATIVE_NAME_QUERY_RESPONSE);
        assertThat(p.rcode().meaning()).isEqualTo("Requested name does not exist");
        assertThat(p.encode()).isEqualTo(NEGATIVE_RESPONSE);
        assertThat(p.detail().render()).contains(
                "Flags: 0x8583 (Name query response, Requested name does not exist)",
                "Reply code: Requested name does not exist (3)",
                "Type: NULL (10)");
    }

    @Test
    void rcodesHaveNamesAndMeanings() {
        assertThat(NameServiceRcode.of(1).name()).isEqualTo("FMT_ERR");
        assertThat(NameServiceRcode.of(2).name()).isEqualTo("SRV_ERR");
        assertThat(NameServiceRcode.of(4).meaning()).isEqualTo("Request is not implemented");
        assertThat(NameServiceRcode.of(5).meaning()).isEqualTo("Request was refused");
        assertThat(NameServiceRcode.ACT_ERR.meaning()).isEqualTo("Name is owned by another node");
        assertThat(NameServiceRcode.CFT_ERR.meaning()).isEqualTo("Name is in conflict");
        assertThat(NameServiceRcode.of(9).name()).isEqualTo("UNKNOWN(0x9)");
    }
}
