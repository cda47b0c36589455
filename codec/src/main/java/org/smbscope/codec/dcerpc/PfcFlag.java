package org.smbscope.codec.dcerpc;

import java.util.EnumSet;
import java.util.Set;

/** The pfc_flags of a connection-oriented PDU header ([C706] 12.6.3.1, [MS-RPCE] 2.2.2.3). */
public enum PfcFlag {
    FIRST_FRAG(0x01),
    LAST_FRAG(0x02),
    /** PFC_PENDING_CANCEL; in BIND/BIND_ACK, PFC_SUPPORT_HEADER_SIGN ([MS-RPCE] 2.2.2.3). */
    PENDING_CANCEL(0x04),
    RESERVED_1(0x08),
    CONC_MPX(0x10),
    DID_NOT_EXECUTE(0x20),
    MAYBE(0x40),
    OBJECT_UUID(0x80);

    private final int bit;

    PfcFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** A single, unfragmented PDU: FIRST_FRAG and LAST_FRAG. */
    public static Set<PfcFlag> single() {
        return EnumSet.of(FIRST_FRAG, LAST_FRAG);
    }

    public static Set<PfcFlag> of(int bits) {
        EnumSet<PfcFlag> s = EnumSet.noneOf(PfcFlag.class);
        for (PfcFlag f : values()) {
            if ((bits & f.bit) != 0) {
                s.add(f);
            }
        }
        return s;
    }

    public static int bits(Set<PfcFlag> flags) {
        int b = 0;
        for (PfcFlag f : flags) {
            b |= f.bit;
        }
        return b;
    }
}
