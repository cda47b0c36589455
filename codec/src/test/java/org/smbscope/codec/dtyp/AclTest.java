package org.smbscope.codec.dtyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** [MS-DTYP] 2.4.5 ACL and 2.4.4 ACEs: golden bytes, round trips, text, hostile input. */
class AclTest {
    /** Everyone full control, inherited by files and directories; then a deny of WRITE_DATA to CREATOR OWNER. */
    static final byte[] GOLDEN = Hex.parse("""
            02 00 34 00 02 00 00 00   # AclRevision 2, Sbz1, AclSize 52, AceCount 2, Sbz2
            00 03 14 00               # ACCESS_ALLOWED_ACE, OBJECT_INHERIT|CONTAINER_INHERIT, AceSize 20
            ff 01 1f 00               # Mask FILE_ALL_ACCESS
            01 01 00 00 00 00 00 01 00 00 00 00   # S-1-1-0 Everyone
            01 00 18 00               # ACCESS_DENIED_ACE, no flags, AceSize 24 (4 bytes of padding)
            02 00 00 00               # Mask FILE_WRITE_DATA
            01 01 00 00 00 00 00 03 00 00 00 00   # S-1-3-0 CREATOR OWNER
            00 00 00 00               # padding inside the ACE
            """);

    @Test
    void decodesGolden() throws Exception {
        Acl acl = Acl.decode(GOLDEN);
        assertThat(acl.revision()).isEqualTo(2);
        assertThat(acl.aces()).containsExactly(
                Ace.allowed(Ace.OBJECT_INHERIT | Ace.CONTAINER_INHERIT, 0x1F01FF, WellKnownSids.EVERYONE),
                Ace.denied(0, 0x2, WellKnownSids.CREATOR_OWNER));
        assertThat(acl.toString()).isEqualTo("(A;OICI;0x001f01ff;;;S-1-1-0)(D;;0x00000002;;;S-1-3-0)");
    }

    @Test
    void encodesWithoutPadding() throws Exception {
        Acl acl = Acl.decode(GOLDEN);
        byte[] again = acl.encode();
        assertThat(again.length).isEqualTo(48);
        assertThat(Acl.decode(again)).isEqualTo(acl);
        assertThat(Hex.format(again)).startsWith("020030000200000000031400ff011f00");
    }

    @Test
    void keepsOtherAceTypesAsBytes() throws Exception {
        byte[] objectAce = Hex.parse("""
                04 00 1c 00 01 00 00 00   # AclRevision 4 (DS), AclSize 28, one ACE
                05 02 14 00               # ACCESS_ALLOWED_OBJECT_ACE, CONTAINER_INHERIT, AceSize 20
                10 00 00 00 00 00 00 00   # Mask, Flags (no GUIDs)
                01 01 00 00 00 00 00 01   # start of a SID ...
                """);
        Acl acl = Acl.decode(objectAce);
        Ace a = acl.aces().get(0);
        assertThat(a.type()).isEqualTo(5);
        assertThat(a.sid()).isNull();
        assertThat(a.mask()).isEqualTo(0x10);
        assertThat(acl.encode()).isEqualTo(objectAce);
        assertThat(a.toString()).isEqualTo("(0x05;CI;0x00000010;;;)");
    }

    @Test
    void emptyAcl() throws Exception {
        Acl empty = Acl.of(List.of());
        assertThat(Hex.format(empty.encode())).isEqualTo("0200080000000000");
        assertThat(Acl.decode(empty.encode()).aces()).isEmpty();
    }

    @Test
    void aceEdits() {
        Ace a = Ace.allowed(Ace.INHERIT_ONLY | Ace.OBJECT_INHERIT, 0x80000000, WellKnownSids.CREATOR_OWNER);
        assertThat(a.has(Ace.INHERIT_ONLY)).isTrue();
        assertThat(a.withFlags(0).withMask(1).withSid(WellKnownSids.EVERYONE))
                .isEqualTo(Ace.allowed(0, 1, WellKnownSids.EVERYONE));
        assertThat(a.toString()).isEqualTo("(A;OIIO;0x80000000;;;S-1-3-0)");
        assertThatThrownBy(() -> Ace.of(Ace.ACCESS_ALLOWED, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileInputs() {
        // truncated header
        assertThatThrownBy(() -> Acl.decode(Hex.parse("02 00 34"))).isInstanceOf(DtypDecodeException.class);
        // AclSize past the end
        assertThatThrownBy(() -> Acl.decode(Hex.parse("02 00 40 00 01 00 00 00"))).isInstanceOf(DtypDecodeException.class);
        // AclSize below the header
        assertThatThrownBy(() -> Acl.decode(Hex.parse("02 00 04 00 00 00 00 00"))).isInstanceOf(DtypDecodeException.class);
        // more ACEs than could fit
        assertThatThrownBy(() -> Acl.decode(Hex.parse("02 00 0c 00 ff ff 00 00 00 00 04 00")))
                .isInstanceOf(DtypDecodeException.class);
        // AceSize not a multiple of 4, and AceSize past the ACL
        assertThatThrownBy(() -> Acl.decode(Hex.parse("02 00 10 00 01 00 00 00 00 00 07 00 00 00 00 00")))
                .isInstanceOf(DtypDecodeException.class);
        assertThatThrownBy(() -> Acl.decode(Hex.parse("02 00 10 00 01 00 00 00 00 00 40 00 00 00 00 00")))
                .isInstanceOf(DtypDecodeException.class);
        // a SID claiming 16 sub-authorities
        assertThatThrownBy(() -> Acl.decode(Hex.parse("""
                02 00 18 00 01 00 00 00  00 00 10 00  01 00 00 00  01 10 00 00 00 00 00 01
                """))).isInstanceOf(DtypDecodeException.class);
        // the SID runs past its ACE
        assertThatThrownBy(() -> Acl.decode(Hex.parse("""
                02 00 18 00 01 00 00 00  00 00 0c 00  01 00 00 00  01 01 00 00 00 00 00 01 00 00 00 00
                """))).isInstanceOf(DtypDecodeException.class);
    }
}
