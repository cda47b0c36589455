package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** Frame 1 of /work/shared/captures/g_nmblookup.pcapng: Samba's browser election request. */
class DatagramPacketTest {

    static final byte[] USER_DATA = Hex.parse("""
        ff534d4225000000000000000000000000000000000000000000000000000000110000140000000000000000000000
        000000000000000014005600030001000100020025005c4d41494c534c4f545c42524f575345000801020f0114401f
        0000000000004c4142313000
        """);

    static final byte[] ELECTION = Hex.parse("""
        11                    # MSG_TYPE direct group
        0a                    # FLAGS: F=1, M=0, SNT=2 (M node)
        39 fb                 # DGM_ID
        7f 00 00 0a           # SOURCE_IP 127.0.0.10
        00 8a                 # SOURCE_PORT 138
        00 ae                 # DGM_LENGTH 174 = 34 + 34 + 106
        00 00                 # PACKET_OFFSET
        20 45 4d 45 42 45 43 44 42 44 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 41 41 00  # LAB10<00>
        20 45 4d 45 42 45 43 45 48 46 43 46 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 42 4f 00  # LABGRP<1e>
        """);

    static byte[] election() {
        byte[] head = ELECTION;
        byte[] out = Arrays.copyOf(head, head.length + USER_DATA.length);
        System.arraycopy(USER_DATA, 0, out, head.length, USER_DATA.length);
        return out;
    }

    @Test
    void browserElectionDatagram() throws Exception {
        byte[] wire = election();
        DatagramPacket p = DatagramPacket.decode(wire);
        DirectDatagram expected = DirectDatagram.of(DatagramType.DIRECT_GROUP, DatagramNodeType.M_NODE, 0x39fb,
                (Inet4Address) InetAddress.getByName("127.0.0.10"), 138, NetbiosName.of("LAB10", 0x00),
                NetbiosName.of("LABGRP", 0x1e), USER_DATA);
        assertThat(p).isEqualTo(expected);
        assertThat(p.encode()).isEqualTo(wire);
        assertThat(p.detail().render()).isEqualTo("""
            NetBIOS Datagram Service
              Message Type: Direct_group datagram (17)
              Flags: 0x0a
                More fragments follow: No
                This is first fragment: Yes
                Node Type: M node (2)
              Datagram ID: 0x39fb
              Source IP: 127.0.0.10
              Source Port: 138
              Datagram length: 174 bytes
              Packet offset: 0 bytes
              Source name: LAB10<00> (Workstation Service)
              Destination name: LABGRP<1e> (Browser Election Service)
              User data: 106 bytes
            """);
    }

    @Test
    void errorAndQueryPackets() throws Exception {
        byte[] error = Hex.parse("13 02 00 01 c0 a8 01 0a 00 8a 82");
        DatagramPacket e = DatagramPacket.decode(error);
        assertThat(e).isInstanceOf(DatagramErrorPacket.class);
        assertThat(((DatagramErrorPacket) e).error()).isEqualTo(DatagramErrorCode.DESTINATION_NAME_NOT_PRESENT);
        assertThat(e.detail().render()).contains("Error code: Destination name not present (0x82)");
        assertThat(e.encode()).isEqualTo(error);
        assertThat(DatagramErrorCode.of(0x83).meaning()).isEqualTo("Invalid source name format");
        assertThat(DatagramErrorCode.of(0x84).meaning()).isEqualTo("Invalid destination name format");

        for (int type = 0x14; type <= 0x16; type++) {
            byte[] q = Hex.parse(String.format("%02x 02 00 02 c0 a8 01 0a 00 8a", type)
                    + Hex.format(NetbiosName.of("LABGRP", 0x1d).encode()));
            DatagramPacket p = DatagramPacket.decode(q);
            assertThat(p).isEqualTo(new DatagramQuery(p.header(), NetbiosName.of("LABGRP", 0x1d)));
            assertThat(p.encode()).isEqualTo(q);
        }
    }

    @Test
    void unknownTypeKeepsItsNumber() throws Exception {
        byte[] wire = Hex.parse("20 02 00 01 c0 a8 01 0a 00 8a ab cd");
        DatagramPacket p = DatagramPacket.decode(wire);
        assertThat(p.type().name()).isEqualTo("UNKNOWN(0x20)");
        assertThat(p.encode()).isEqualTo(wire);
    }

    private static NetbiosDecodeException failure(byte[] wire) {
        try {
            DatagramPacket.decode(wire);
        } catch (NetbiosDecodeException e) {
            assertThat(e.protocol()).isEqualTo("NBDS");
            return e;
        }
        throw new AssertionError("decoded");
    }

    @Test
    void hostileDatagrams() {
        byte[] wire = election();
        byte[] longer = wire.clone();
        longer[11] = (byte) 0xaf; // DGM_LENGTH one past the end
        assertThat(failure(longer).field()).isEqualTo("DGM_LENGTH");
        byte[] shorter = wire.clone();
        shorter[11] = (byte) 0xad;
        assertThat(failure(shorter).detail()).contains("unexpected trailing");
        assertThat(failure(Arrays.copyOf(wire, 9)).field()).isEqualTo("SOURCE_PORT");
        byte[] pointer = Hex.parse("14 02 00 02 c0 a8 01 0a 00 8a c0 00");
        assertThat(failure(pointer).detail()).contains("label pointer not allowed");
    }
}
