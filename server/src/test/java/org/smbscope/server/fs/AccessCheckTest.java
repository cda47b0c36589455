package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.smbscope.server.tree.SecurityToken;

/** [MS-DTYP] 2.5.3.2 access check cases (most from smbtorture's smb2.acls / raw.acls), as alice. */
class AccessCheckTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the owner always gets READ_CONTROL and WRITE_DAC
        "O:ME D:(A;;0x2;;;ME)                                   | 0x00060002",
        // ... but not when the DACL names OWNER RIGHTS, whose ACEs then apply to the owner (OWNER-RIGHTS)
        "O:ME D:(A;;FR;;;ME)(A;;0x2;;;OR)                       | 0x0012008b",
        // OWNER-RIGHTS-DENY: a leading deny takes READ_DATA away
        "O:ME D:(D;;0x1;;;OR)(A;;FR;;;ME)                       | 0x00120088",
        // OWNER-RIGHTS-DENY1: a trailing deny does not take back what was granted
        "O:ME D:(A;;FR;;;ME)(A;;0x2;;;OR)(D;;0x3;;;OR)          | 0x0012008b",
        // DENY1
        "O:ME D:(A;;FR+0x2;;;ME)(D;;0x2;;;ME)                   | 0x0016008b",
        // CREATOR OWNER in an effective ACE matches nobody (CREATOR)
        "O:ME D:(A;;FR+0x1f0000;;;CO)                           | 0x00060000",
        // generic rights in an ACE are mapped
        "O:BA D:(A;;GR;;;WD)                                    | 0x00120089",
        "O:BA D:(A;;GA;;;AU)                                    | 0x001f01ff",
        // inherit-only ACEs do not apply
        "O:BA D:(A;OIIO;FA;;;WD)(A;;0x1;;;WD)                   | 0x00000001",
        // a NULL DACL allows everything; an empty one only the owner's implicit rights
        "O:ME D:NULL                                            | 0x001f01ff",
        "O:ME D:                                                | 0x00060000",
        "O:BA D:                                                | 0x00000000",
        // someone else's ACE
        "O:BA D:(A;;FA;;;S-1-5-21-1-2-3-1000)                   | 0x00000000",
        // group membership: Users, Authenticated Users, Domain Users
        "O:BA D:(A;;0x1;;;BU)(A;;0x2;;;AU)(A;;0x4;;;DU)(A;;0x8;;;AN) | 0x00000007",
    })
    void maximal(String sd, String expected) {
        assertThat(AccessCheck.maximal(Sddl.parse(sd), Sddl.ALICE))
                .as(sd).isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
    }

    @Test
    void anonymousAndGuestTokens() {
        SdParts sd = Sddl.parse("O:BA D:(A;;0x1;;;WD)(A;;0x2;;;AU)(A;;0x4;;;AN)(A;;0x8;;;S-1-5-32-546)");
        assertThat(AccessCheck.maximal(sd, SecurityToken.anonymous())).isEqualTo(0x5);
        assertThat(AccessCheck.maximal(sd, SecurityToken.guest())).isEqualTo(0x9);
        assertThat(AccessCheck.maximal(sd, SecurityToken.of("", true))).isEqualTo(0x5);
        assertThat(AccessCheck.maximal(sd, SecurityToken.of("bob", false))).isEqualTo(0x3);
        assertThat(SecurityToken.user("Bob").user()).isEqualTo(SecurityToken.user("bob").user())
                .isNotEqualTo(SecurityToken.user("alice").user());
        assertThat(SecurityToken.user("bob").user().toString()).startsWith(SecurityToken.DOMAIN + "-");
    }

    @Test
    void genericMapping() {
        assertThat(AccessCheck.generic(Access.GENERIC_READ)).isEqualTo(Access.FILE_GENERIC_READ);
        assertThat(AccessCheck.generic(Access.GENERIC_WRITE | Access.DELETE))
                .isEqualTo(Access.FILE_GENERIC_WRITE | Access.DELETE);
        assertThat(AccessCheck.generic(Access.GENERIC_EXECUTE)).isEqualTo(Access.FILE_GENERIC_EXECUTE);
        assertThat(AccessCheck.generic(Access.GENERIC_ALL)).isEqualTo(Access.FILE_ALL_ACCESS);
    }
}
