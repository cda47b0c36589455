package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** Named hostile inputs for the name service decoder, and the messages with compressed names. */
class NameServiceHostileTest {

    /** FRED&lt;20&gt; encoded, all but its last first-level character and the root label. */
    static final String FRED = " 20 45 47 46 43 45 46 45 45 " + "43 41 ".repeat(11) + "43 ";

    private static NetbiosDecodeException failure(byte[] wire) {
        try {
            NameServicePacket.decode(wire);
        } catch (NetbiosDecodeException e) {
            assertThat(e.protocol()).isEqualTo("NBNS");
            return e;
        }
        throw new AssertionError("decoded");
    }

    @Test
    void count65535WithTwelveBytesFailsBeforeAllocating() {
        byte[] wire = Hex.parse("""
            12 34  00 00          # id, query
            ff ff  ff ff          # QDCOUNT 65535, ANCOUNT 65535
            ff ff  ff ff          # NSCOUNT, ARCOUNT 65535
            """);
        NetbiosDecodeException e = failure(wire);
        assertThat(e.field()).isEqualTo("QDCOUNT");
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.detail()).contains("0 left");
    }

    @Test
    void truncatedHeader() {
        assertThat(failure(Hex.parse("12 34 00 00 00 01")).field()).isEqualTo("ANCOUNT");
        assertThat(failure(new byte[0]).field()).isEqualTo("NAME_TRN_ID");
    }

    @Test
    void pointerLoopIsRefused() {
        // the question name is a pointer to itself (offset 12)
        byte[] wire = Hex.parse("""
            12 34 00 00 00 01 00 00 00 00 00 00
            c0 0c                 # pointer to offset 12: itself
            00 20 00 01
            """);
        assertThat(failure(wire).detail()).contains("does not point backwards");
    }

    @Test
    void twoPointersPointingAtEachOtherAreRefused() {
        // RR 1 name at 12 is a pointer to 30 (forward); and a record at 30 pointing back at 12
        byte[] wire = Hex.parse("""
            12 34 84 00 00 00 00 02 00 00 00 00
            c0 1c  00 0a 00 01 00 00 00 00 00 00   # RR at 12: name -> 28 (forward)
            c0 0c  00 0a 00 01 00 00 00 00 00 00   # RR at 28: name -> 12
            """);
        NetbiosDecodeException e = failure(wire);
        assertThat(e.detail()).contains("pointer to offset 28 does not point backwards");
        assertThat(e.offset()).isEqualTo(12);
    }

    @Test
    void forwardPointerIsRefused() {
        byte[] wire = Hex.parse("""
            12 34 00 00 00 01 00 00 00 00 00 00
            c0 40                 # pointer to offset 64: past itself
            00 20 00 01
            """);
        assertThat(failure(wire).detail()).contains("pointer to offset 64 does not point backwards");
    }

    @Test
    void pointerIntoTheHeaderMustStillDecodeAsAName() {
        byte[] wire = Hex.parse("""
            12 34 00 00 00 01 00 00 00 00 00 00
            c0 02                 # pointer to offset 2: the flags word, not a name
            00 20 00 01
            """);
        assertThat(failure(wire).detail()).contains("empty name");
    }

    @Test
    void badHalfAsciiCharacterIsRefused() {
        byte[] wire = Hex.parse("12 34 00 00 00 01 00 00 00 00 00 00" + FRED + " 5a 00 00 20 00 01");
        NetbiosDecodeException e = failure(wire);
        assertThat(e.field()).isEqualTo("QUESTION_NAME");
        assertThat(e.detail()).contains("0x5a is not 'A'..'P'");
    }

    @Test
    void rdlengthPastTheEndIsRefused() {
        byte[] wire = Arrays.copyOf(NameServicePacketTest.POSITIVE_RESPONSE,
                NameServicePacketTest.POSITIVE_RESPONSE.length - 2);
        NetbiosDecodeException e = failure(wire);
        assertThat(e.field()).isEqualTo("RDATA");
        assertThat(e.detail()).isEqualTo("needs 6 bytes, 4 left");
    }

    @Test
    void nbRdataMustBeAMultipleOfSix() {
        byte[] wire = Hex.parse("12 34 85 80 00 00 00 01 00 00 00 00" + FRED + " 41 00 00 20 00 01 00 00 00 00 00 04 60 00 7f 00");
        assertThat(failure(wire).detail()).contains("not a multiple of 6");
    }

    @Test
    void nodeStatusNameCountLargerThanTheData() {
        byte[] wire = Hex.parse("12 34 84 00 00 00 00 01 00 00 00 00" + FRED + " 41 00 00 21 00 01 00 00 00 00 00 01 ff");
        NetbiosDecodeException e = failure(wire);
        assertThat(e.field()).isEqualTo("NUM_NAMES");
        assertThat(e.detail()).isEqualTo("255 names need 4590 bytes, 0 left");
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] wire = Arrays.copyOf(NameServicePacketTest.QUERY, NameServicePacketTest.QUERY.length + 1);
        assertThat(failure(wire).detail()).contains("1 unexpected trailing bytes");
    }

    @Test
    void unknownOpcodeKeepsItsNumber() throws Exception {
        byte[] wire = NameServicePacketTest.QUERY.clone();
        wire[2] = (byte) (0x03 << 3 | 0x01); // opcode 3, RD
        NameServicePacket p = NameServicePacket.decode(wire);
        assertThat(p.opcode().value()).isEqualTo(3);
        assertThat(p.opcode().name()).isEqualTo("UNKNOWN(0x3)");
        assertThat(p.kind()).isEqualTo(NameServiceKind.OTHER);
        assertThat(p.detail().render()).contains("Opcode: Unknown operation (3) (3)");
        assertThat(p.encode()).isEqualTo(wire);
    }

    @Test
    void unknownRrTypeKeepsItsNumberAndData() throws Exception {
        byte[] wire = Hex.parse("12 34 84 00 00 00 00 01 00 00 00 00" + FRED + " 41 00 00 99 00 01 00 00 00 10 00 02 ab cd");
        NameServicePacket p = NameServicePacket.decode(wire);
        ResourceRecord rr = p.answer().orElseThrow();
        assertThat(rr.type().name()).isEqualTo("UNKNOWN(0x0099)");
        assertThat(rr.data()).isEqualTo(new RawRData(Hex.parse("ab cd")));
        assertThat(p.encode()).isEqualTo(wire);
    }

    // ---- registration family: names compressed to a pointer to the question ----

    static final Inet4Address ADDR = ip("192.168.1.10");

    static Inet4Address ip(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void broadcastRegistrationUsesAPointerToTheQuestionName() throws Exception {
        NetbiosName fred = NetbiosName.of("FRED", 0x20);
        NameServicePacket reg = NameServicePackets.registration(0x1234, fred, NbAddress.unique(ADDR), 300_000, true);
        byte[] wire = Hex.parse("""
            12 34                 # NAME_TRN_ID
            29 10                 # OPCODE=5 (registration), RD=1, B=1
            00 01 00 00 00 00 00 01   # QD 1, AR 1
            """ + FRED + """
            41 00                 # ... suffix 0x20 ends in 'A'; root
            00 20 00 01           # NB IN
            c0 0c                 # RR_NAME: pointer to the question name at offset 12
            00 20 00 01           # NB IN
            00 04 93 e0           # TTL 300000
            00 06                 # RDLENGTH
            60 00 c0 a8 01 0a     # H-node unique 192.168.1.10
            """);
        assertThat(reg.encode()).isEqualTo(wire);
        NameServicePacket back = NameServicePacket.decode(wire);
        assertThat(back).isEqualTo(reg);
        assertThat(back.kind()).isEqualTo(NameServiceKind.NAME_REGISTRATION_REQUEST);
        assertThat(back.detail().render()).contains("Flags: 0x2910 (Registration)", "Broadcast: Broadcast packet",
                "Additional records", "Addr: 192.168.1.10");
    }

    @Test
    void registrationFamilyRoundTrips() throws Exception {
        NetbiosName name = NetbiosName.of("LAB10", 0x00, "corp.example");
        NbAddress a = NbAddress.unique(ADDR);
        NameServicePacket reg = NameServicePackets.registration(1, name, a, 300, false);
        NameServicePacket[] all = {
            reg,
            NameServicePackets.multihomedRegistration(2, name, a, 300),
            NameServicePackets.overwriteDemand(3, name, a, 300),
            NameServicePackets.refresh(4, name, a, 300),
            NameServicePackets.refresh(5, name, a, 300, NameServiceOpcode.REFRESH_ALT),
            NameServicePackets.release(6, name, a, true),
            NameServicePackets.registrationResponse(reg, NameServiceRcode.NO_ERROR, 300),
            NameServicePackets.registrationResponse(reg, NameServiceRcode.ACT_ERR, 0),
            NameServicePackets.conflictDemand(7, name, a),
            NameServicePackets.releaseResponse(NameServicePackets.release(8, name, a, false), NameServiceRcode.NO_ERROR),
            NameServicePackets.wack(reg, 30),
        };
        NameServiceKind[] kinds = {
            NameServiceKind.NAME_REGISTRATION_REQUEST, NameServiceKind.MULTIHOMED_REGISTRATION_REQUEST,
            NameServiceKind.NAME_OVERWRITE_DEMAND, NameServiceKind.NAME_REFRESH_REQUEST,
            NameServiceKind.NAME_REFRESH_REQUEST, NameServiceKind.NAME_RELEASE_REQUEST,
            NameServiceKind.POSITIVE_REGISTRATION_RESPONSE, NameServiceKind.NEGATIVE_REGISTRATION_RESPONSE,
            NameServiceKind.NAME_CONFLICT_DEMAND, NameServiceKind.POSITIVE_RELEASE_RESPONSE,
            NameServiceKind.WAIT_FOR_ACKNOWLEDGEMENT,
        };
        for (int i = 0; i < all.length; i++) {
            byte[] wire = all[i].encode();
            NameServicePacket back = NameServicePacket.decode(wire);
            assertThat(back).as("message %d", i).isEqualTo(all[i]);
            assertThat(back.encode()).isEqualTo(wire);
            assertThat(back.kind()).as("message %d", i).isEqualTo(kinds[i]);
        }
    }

    @Test
    void wackEchoesTheRequestFlags() throws Exception {
        NameServicePacket reg = NameServicePackets.registration(0x0042, NetbiosName.of("FRED", 0x20),
                NbAddress.unique(ADDR), 300, false);
        NameServicePacket wack = NameServicePackets.wack(reg, 30);
        byte[] wire = wack.encode();
        assertThat(Arrays.copyOfRange(wire, 0, 4)).isEqualTo(Hex.parse("00 42 bc 00")); // R, opcode 7, AA
        assertThat(Arrays.copyOfRange(wire, wire.length - 8, wire.length))
                .isEqualTo(Hex.parse("00 00 00 1e 00 02 29 00")); // TTL 30, RDLENGTH 2, request flags 0x2900
        assertThat(NameServicePacket.decode(wire).answer().orElseThrow().data()).isEqualTo(new WackRData(0x2900));
        assertThat(wack.detail().render()).contains("Flags: 0xbc00 (Wait for acknowledgment response)",
                "Request flags: 0x2900 (Registration)");
    }

    @Test
    void conflictDemandHasRcodeCftErr() throws Exception {
        NameServicePacket p = NameServicePackets.conflictDemand(9, NetbiosName.of("FRED", 0x20), NbAddress.unique(ADDR));
        assertThat(p.flagsWord()).isEqualTo(0xad87);
        assertThat(p.detail().render()).contains("Reply code: Name is in conflict (7)");
    }
}
