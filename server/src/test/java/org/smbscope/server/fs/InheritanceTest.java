package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * [MS-DTYP] 2.5.3.4 inheritance onto a new file and a new directory, with the cases of smbtorture's
 * smb2.acls.INHERITANCE: the parent holds {@code (A;<flags>;0x2;;;CO)(A;;FA;;;WD)}, alice creates.
 */
class InheritanceTest {
    static final String DEFAULT = "O:ME G:DU D:(A;;0x001f01ff;;;ME)(A;;0x001f01ff;;;SY)";

    @ParameterizedTest(name = "parent {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "''      | DEFAULT                 | DEFAULT",
        "OI      | (A;;0x00000002;;;ME)     | (A;OIIO;0x00000002;;;CO)",
        "CI      | DEFAULT                 | (A;;0x00000002;;;ME)(A;CIIO;0x00000002;;;CO)",
        "OICI    | (A;;0x00000002;;;ME)     | (A;;0x00000002;;;ME)(A;OICIIO;0x00000002;;;CO)",
        "NP      | DEFAULT                 | DEFAULT",
        "OINP    | (A;;0x00000002;;;ME)     | DEFAULT",
        "CINP    | DEFAULT                 | (A;;0x00000002;;;ME)",
        "OICINP  | (A;;0x00000002;;;ME)     | (A;;0x00000002;;;ME)",
        "IO      | DEFAULT                 | DEFAULT",
        "OIIO    | (A;;0x00000002;;;ME)     | (A;OIIO;0x00000002;;;CO)",
        "CIIO    | DEFAULT                 | (A;;0x00000002;;;ME)(A;CIIO;0x00000002;;;CO)",
        "OICIIO  | (A;;0x00000002;;;ME)     | (A;;0x00000002;;;ME)(A;OICIIO;0x00000002;;;CO)",
        "NPIO    | DEFAULT                 | DEFAULT",
        "OINPIO  | (A;;0x00000002;;;ME)     | DEFAULT",
        "CINPIO  | DEFAULT                 | (A;;0x00000002;;;ME)",
        "OICINPIO| (A;;0x00000002;;;ME)     | (A;;0x00000002;;;ME)",
    })
    void creatorOwnerAce(String flags, String file, String dir) {
        SdParts parent = Sddl.parse("O:ME D:(A;" + flags + ";0x2;;;CO)(A;;FA;;;WD)");
        assertThat(Sddl.print(Inheritance.child(parent, null, false, Sddl.ALICE)))
                .isEqualTo(file.equals("DEFAULT") ? DEFAULT : "O:ME G:DU D:" + file);
        assertThat(Sddl.print(Inheritance.child(parent, null, true, Sddl.ALICE)))
                .isEqualTo(dir.equals("DEFAULT") ? DEFAULT : "O:ME G:DU D:" + dir);
    }

    @Test
    void autoInheritedParentMarksTheChild() {
        SdParts parent = Sddl.parse("O:BA D:AI(A;OICIID;0x40002;;;ME)(A;;FA;;;WD)");
        assertThat(Sddl.print(Inheritance.child(parent, null, false, Sddl.ALICE)))
                .isEqualTo("O:ME G:DU D:AI(A;ID;0x00040002;;;ME)");
        assertThat(Sddl.print(Inheritance.child(parent, null, true, Sddl.ALICE)))
                .isEqualTo("O:ME G:DU D:AI(A;OICIID;0x00040002;;;ME)");
        // a protected parent still passes its ACEs on; the child is not protected
        SdParts plain = Sddl.parse("O:BA D:P(A;OICI;0x40002;;;ME)");
        assertThat(Sddl.print(Inheritance.child(plain, null, false, Sddl.ALICE)))
                .isEqualTo("O:ME G:DU D:(A;;0x00040002;;;ME)");
    }

    @Test
    void genericRightsAndCreatorGroupAreResolvedOnTheEffectiveAce() {
        SdParts parent = Sddl.parse("O:BA D:(A;OICI;GR;;;CG)(A;OICI;GA;;;WD)");
        assertThat(Sddl.print(Inheritance.child(parent, null, false, Sddl.ALICE)))
                .isEqualTo("O:ME G:DU D:(A;;0x00120089;;;DU)(A;;0x001f01ff;;;WD)");
        assertThat(Sddl.print(Inheritance.child(parent, null, true, Sddl.ALICE))).isEqualTo("O:ME G:DU D:"
                + "(A;;0x00120089;;;DU)(A;OICIIO;0x80000000;;;CG)(A;;0x001f01ff;;;WD)(A;OICIIO;0x10000000;;;WD)");
    }

    @Test
    void aDescriptorGivenAtCreateOverridesInheritance() {
        SdParts parent = Sddl.parse("O:BA D:(A;OICI;FA;;;WD)");
        SdParts given = Sddl.parse("O:WD G:BU D:(A;;GR;;;AU)");
        assertThat(Sddl.print(Inheritance.child(parent, given, false, Sddl.ALICE)))
                .isEqualTo("O:WD G:BU D:(A;;0x00120089;;;AU)");
        // no DACL given: the parent's ACEs are inherited, the given owner kept
        SdParts ownerOnly = Sddl.parse("O:WD");
        assertThat(Sddl.print(Inheritance.child(parent, ownerOnly, false, Sddl.ALICE)))
                .isEqualTo("O:WD G:DU D:(A;;0x001f01ff;;;WD)");
        // a NULL DACL given stays NULL
        assertThat(Sddl.print(Inheritance.child(parent, Sddl.parse("D:NULL"), false, Sddl.ALICE)))
                .isEqualTo("O:ME G:DU D:NO_ACCESS_CONTROL");
    }

    @Test
    void setInfoControlFlags() {
        SdParts current = Sddl.parse("O:ME D:(A;;FA;;;WD)");
        // AUTO_INHERITED is kept only with AUTO_INHERIT_REQ; PROTECTED as given; the owner is untouched
        SdParts ai = SdParts.parse(Sddl.parse("D:AI(A;;0x1;;;ME)").write(SecurityDescriptors.DACL));
        assertThat(Sddl.print(current.merge(ai, SecurityDescriptors.DACL))).isEqualTo("O:ME D:(A;;0x00000001;;;ME)");
        byte[] req = Sddl.parse("D:AI(A;;0x1;;;ME)").write(SecurityDescriptors.DACL);
        req[3] |= 0x01; // SE_DACL_AUTO_INHERIT_REQ
        assertThat(Sddl.print(current.merge(SdParts.parse(req), SecurityDescriptors.DACL)))
                .isEqualTo("O:ME D:AI(A;;0x00000001;;;ME)");
        SdParts p = SdParts.parse(Sddl.parse("D:P(A;;0x1;;;ME)").write(SecurityDescriptors.DACL));
        SdParts protectedDacl = current.merge(p, SecurityDescriptors.DACL);
        assertThat(Sddl.print(protectedDacl)).isEqualTo("O:ME D:P(A;;0x00000001;;;ME)");
        SdParts newOwner = protectedDacl.merge(Sddl.parse("O:WD D:"), SecurityDescriptors.OWNER);
        assertThat(Sddl.print(newOwner)).isEqualTo("O:WD D:P(A;;0x00000001;;;ME)");
        // generic rights of effective ACEs are mapped when stored, inherit-only ones kept
        assertThat(Sddl.print(Inheritance.mapped(Sddl.parse("O:ME D:(A;;GR;;;ME)(A;OIIO;GW;;;CO)"))))
                .isEqualTo("O:ME D:(A;;0x00120089;;;ME)(A;OIIO;0x40000000;;;CO)");
    }
}
