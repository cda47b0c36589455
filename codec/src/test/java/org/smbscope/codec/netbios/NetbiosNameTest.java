package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

class NetbiosNameTest {

    @Test
    void firstLevelEncodingOfRfc1001Example() {
        // RFC 1001 14.1: "FRED" padded with spaces, suffix 0x20 -> EGFCEFEE then CA pairs
        NetbiosName fred = NetbiosName.of("Fred", 0x20);
        assertThat(fred.name()).isEqualTo("FRED");
        assertThat(fred.firstLevel()).isEqualTo("EGFCEFEECACACACACACACACACACACACA");
    }

    @Test
    void secondLevelEncodingWithScope() throws Exception {
        // RFC 1001 14.2: the name label, then the scope labels, then the root
        NetbiosName fred = NetbiosName.of("FRED", 0x20, "NETBIOS.COM");
        byte[] wire = Hex.parse("""
            20 45 47 46 43 45 46 45 45 43 41 43 41 43 41 43 41   # 32, EGFCEFEE CACA...
               43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41
            07 4e 45 54 42 49 4f 53                              # 7 "NETBIOS"
            03 43 4f 4d                                          # 3 "COM"
            00                                                   # root
            """);
        assertThat(fred.encode()).isEqualTo(wire);
        assertThat(NetbiosName.decode(wire)).isEqualTo(fred);
        assertThat(fred.toString()).isEqualTo("FRED<20>.NETBIOS.COM");
    }

    @Test
    void wildcardIsPaddedWithNuls() throws Exception {
        NetbiosName star = NetbiosName.wildcard();
        assertThat(star.firstLevel()).isEqualTo("CK" + "A".repeat(30));
        assertThat(star.toString()).isEqualTo("*<00>");
        assertThat(NetbiosName.decode(star.encode())).isEqualTo(star);
        assertThat(NetbiosName.parse("*")).isEqualTo(star);
    }

    @Test
    void msBrowseIsPaddedWithNulsAndKeepsItsControlCharacters() throws Exception {
        NetbiosName mb = NetbiosName.msBrowse();
        byte[] raw = mb.rawBytes();
        assertThat(raw).isEqualTo(Hex.parse("01 02 5f 5f 4d 53 42 52 4f 57 53 45 5f 5f 02 01"));
        assertThat(mb.toString()).isEqualTo("\\x01\\x02__MSBROWSE__\\x02<01>");
        assertThat(NetbiosName.decode(mb.encode())).isEqualTo(mb);
        assertThat(NetbiosName.parse("__MSBROWSE__")).isEqualTo(mb);
        assertThat(NameMeaning.of(mb)).isEqualTo("Master Browser");
        assertThat(NameMeaning.of(0x01, true, NetbiosName.MSBROWSE)).isEqualTo("Master Browser");
    }

    @Test
    void parseAcceptsHashAndAngleSuffixes() {
        assertThat(NetbiosName.parse("lab10#20")).isEqualTo(new NetbiosName("LAB10", 0x20, ""));
        assertThat(NetbiosName.parse("LABGRP#1d")).isEqualTo(new NetbiosName("LABGRP", 0x1d, ""));
        assertThat(NetbiosName.parse("LABGRP<1e>")).isEqualTo(new NetbiosName("LABGRP", 0x1e, ""));
        assertThat(NetbiosName.parse("LAB10")).isEqualTo(new NetbiosName("LAB10", 0x20, ""));
        assertThat(NetbiosName.parse("LAB10", 0x00)).isEqualTo(new NetbiosName("LAB10", 0x00, ""));
        assertThat(NetbiosName.parse("*#00").isWildcard()).isTrue();
        assertThatThrownBy(() -> NetbiosName.parse("LAB10#zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetbiosName.parse("SIXTEEN-CHARS-XX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodedNamesKeepTheirCaseAndLosePadding() throws Exception {
        NetbiosName lower = new NetbiosName("lab10", 0, "");
        assertThat(NetbiosName.decode(lower.encode())).isEqualTo(lower);
        assertThat(NetbiosName.of("lab10 ", 0).name()).isEqualTo("LAB10");
    }

    @Test
    void suffixMeanings() {
        assertThat(NameMeaning.of(0x00, false, "LAB10")).isEqualTo("Workstation Service");
        assertThat(NameMeaning.of(0x00, true, "LABGRP")).isEqualTo("Domain/Workgroup Name");
        assertThat(NameMeaning.of(0x03, false, "LAB10")).isEqualTo("Messenger Service");
        assertThat(NameMeaning.of(0x06, false, "LAB10")).isEqualTo("RAS Server Service");
        assertThat(NameMeaning.of(0x1b, false, "LABGRP")).isEqualTo("Domain Master Browser");
        assertThat(NameMeaning.of(0x1c, true, "LABGRP")).isEqualTo("Domain Controllers");
        assertThat(NameMeaning.of(0x1d, false, "LABGRP")).isEqualTo("Master Browser");
        assertThat(NameMeaning.of(0x1e, true, "LABGRP")).isEqualTo("Browser Election Service");
        assertThat(NameMeaning.of(0x1f, false, "LAB10")).isEqualTo("NetDDE Service");
        assertThat(NameMeaning.of(0x20, false, "LAB10")).isEqualTo("File Server Service");
        assertThat(NameMeaning.of(0x21, false, "LAB10")).isEqualTo("RAS Client Service");
        assertThat(NameMeaning.of(0xbe, false, "LAB10")).isEqualTo("Network Monitor Agent");
        assertThat(NameMeaning.of(0xbf, false, "LAB10")).isEqualTo("Network Monitor Application");
        assertThat(NameMeaning.of(0x99, false, "LAB10")).isEqualTo("Unknown service (0x99)");
        assertThat(NameSuffix.of(0x99).isKnown()).isFalse();
        assertThat(NameSuffix.FILE_SERVER.toString()).isEqualTo("<20>");
    }

    // ---- hostile inputs ----

    private static String failure(byte[] wire) {
        try {
            NetbiosName.decode(wire);
        } catch (NetbiosDecodeException e) {
            assertThat(e.protocol()).isEqualTo("NetBIOS");
            return e.getMessage();
        }
        throw new AssertionError("decoded");
    }

    @Test
    void badFirstLevelCharacterIsRefused() {
        byte[] wire = NetbiosName.of("FRED", 0x20).encode();
        wire[5] = 'Q'; // 'Q' is past 'P'
        assertThat(failure(wire)).contains("first-level character 0x51 is not 'A'..'P'");
    }

    @Test
    void firstLabelMustHave32Bytes() {
        assertThat(failure(Hex.parse("03 41 41 41 00"))).contains("first label has 3 bytes");
        assertThat(failure(Hex.parse("00"))).contains("empty name");
    }

    @Test
    void labelLongerThan63IsRefused() {
        byte[] name = NetbiosName.of("FRED", 0x20).encode();
        byte[] wire = new byte[name.length - 1 + 1 + 64];
        System.arraycopy(name, 0, wire, 0, name.length - 1);
        wire[name.length - 1] = 0x40; // a 64-byte label: length byte 01xxxxxx is a reserved type
        assertThat(failure(wire)).contains("reserved label type");
    }

    @Test
    void nameLongerThan255IsRefused() {
        StringBuilder hex = new StringBuilder("20" + "41".repeat(32));
        for (int i = 0; i < 4; i++) {
            hex.append("3f").append("61".repeat(63)); // four 63-byte labels: 33 + 4 * 64 > 255
        }
        hex.append("00");
        assertThat(failure(Hex.parse(hex.toString()))).contains("longer than 255");
    }

    @Test
    void pointersAreNotAllowedInAStandaloneName() {
        assertThat(failure(Hex.parse("c0 00"))).contains("label pointer not allowed");
    }

    @Test
    void truncatedNameIsRefused() {
        byte[] wire = NetbiosName.of("FRED", 0x20).encode();
        byte[] cut = java.util.Arrays.copyOf(wire, 20);
        assertThat(failure(cut)).contains("needs 32 bytes");
        assertThat(failure(java.util.Arrays.copyOf(wire, 33))).contains("needs 1 bytes");
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] wire = java.util.Arrays.copyOf(NetbiosName.of("FRED", 0x20).encode(), 35);
        assertThat(failure(wire)).contains("trailing");
    }
}
