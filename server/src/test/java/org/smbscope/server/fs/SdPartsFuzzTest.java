package org.smbscope.server.fs;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A descriptor from the wire (SET_INFO, SecD): parsed, checked, inherited from, never an exception. */
class SdPartsFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        SdParts sd = SdParts.parse(input);
        if (sd != null) {
            AccessCheck.maximal(sd, Sddl.ALICE);
            Inheritance.child(sd, null, true, Sddl.ALICE);
            Inheritance.child(sd, sd, false, Sddl.ALICE);
            Inheritance.mapped(sd).write(0xF);
            sd.toString();
        }
    }
}
