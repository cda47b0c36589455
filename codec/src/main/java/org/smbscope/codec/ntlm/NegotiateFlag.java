package org.smbscope.codec.ntlm;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The NegotiateFlags bits, [MS-NLMP] 2.2.2.5, with the names the specification and Wireshark
 * use. The reserved bits are constants too so that a decoded set encodes back to the same
 * 32-bit value.
 */
public enum NegotiateFlag {
    NTLMSSP_NEGOTIATE_UNICODE(0x00000001),
    NTLM_NEGOTIATE_OEM(0x00000002),
    NTLMSSP_REQUEST_TARGET(0x00000004),
    NTLMSSP_RESERVED_R10(0x00000008),
    NTLMSSP_NEGOTIATE_SIGN(0x00000010),
    NTLMSSP_NEGOTIATE_SEAL(0x00000020),
    NTLMSSP_NEGOTIATE_DATAGRAM(0x00000040),
    NTLMSSP_NEGOTIATE_LM_KEY(0x00000080),
    NTLMSSP_RESERVED_R9(0x00000100),
    NTLMSSP_NEGOTIATE_NTLM(0x00000200),
    NTLMSSP_RESERVED_R8(0x00000400),
    NTLMSSP_ANONYMOUS(0x00000800),
    NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED(0x00001000),
    NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED(0x00002000),
    NTLMSSP_RESERVED_R7(0x00004000),
    NTLMSSP_NEGOTIATE_ALWAYS_SIGN(0x00008000),
    NTLMSSP_TARGET_TYPE_DOMAIN(0x00010000),
    NTLMSSP_TARGET_TYPE_SERVER(0x00020000),
    NTLMSSP_RESERVED_R6(0x00040000),
    NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY(0x00080000),
    NTLMSSP_NEGOTIATE_IDENTIFY(0x00100000),
    NTLMSSP_RESERVED_R5(0x00200000),
    NTLMSSP_REQUEST_NON_NT_SESSION_KEY(0x00400000),
    NTLMSSP_NEGOTIATE_TARGET_INFO(0x00800000),
    NTLMSSP_RESERVED_R4(0x01000000),
    NTLMSSP_NEGOTIATE_VERSION(0x02000000),
    NTLMSSP_RESERVED_R3(0x04000000),
    NTLMSSP_RESERVED_R2(0x08000000),
    NTLMSSP_RESERVED_R1(0x10000000),
    NTLMSSP_NEGOTIATE_128(0x20000000),
    NTLMSSP_NEGOTIATE_KEY_EXCH(0x40000000),
    NTLMSSP_NEGOTIATE_56(0x80000000);

    private final int bit;

    NegotiateFlag(int bit) {
        this.bit = bit;
    }

    public long bit() {
        return bit & 0xffffffffL;
    }

    public static EnumSet<NegotiateFlag> fromBits(long bits) {
        EnumSet<NegotiateFlag> set = EnumSet.noneOf(NegotiateFlag.class);
        for (NegotiateFlag f : values()) {
            if ((bits & f.bit()) != 0) {
                set.add(f);
            }
        }
        return set;
    }

    public static long toBits(Set<NegotiateFlag> flags) {
        long v = 0;
        for (NegotiateFlag f : flags) {
            v |= f.bit();
        }
        return v;
    }

    public static EnumSet<NegotiateFlag> of(NegotiateFlag first, NegotiateFlag... rest) {
        return EnumSet.of(first, rest);
    }

    /** "0xe2888235 (NTLMSSP_NEGOTIATE_UNICODE, ...)". */
    public static String describe(Set<NegotiateFlag> flags) {
        return String.format("0x%08x", toBits(flags)) + " ("
                + flags.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")";
    }
}
