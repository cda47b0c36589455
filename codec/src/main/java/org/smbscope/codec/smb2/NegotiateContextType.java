package org.smbscope.codec.smb2;

/** A negotiate context type, [MS-SMB2] 2.2.3.1. Open: unknown values keep their number. */
public record NegotiateContextType(int value) {
    public static final NegotiateContextType PREAUTH_INTEGRITY_CAPABILITIES = new NegotiateContextType(0x1);
    public static final NegotiateContextType ENCRYPTION_CAPABILITIES = new NegotiateContextType(0x2);
    public static final NegotiateContextType COMPRESSION_CAPABILITIES = new NegotiateContextType(0x3);
    public static final NegotiateContextType NETNAME_NEGOTIATE_CONTEXT_ID = new NegotiateContextType(0x5);
    public static final NegotiateContextType TRANSPORT_CAPABILITIES = new NegotiateContextType(0x6);
    public static final NegotiateContextType RDMA_TRANSFORM_CAPABILITIES = new NegotiateContextType(0x7);
    public static final NegotiateContextType SIGNING_CAPABILITIES = new NegotiateContextType(0x8);
    public static final NegotiateContextType POSIX_EXTENSIONS = new NegotiateContextType(0x100);
    private static final Bits.Names NAMES = Bits.names(0x1, "SMB2_PREAUTH_INTEGRITY_CAPABILITIES", 0x2, "SMB2_ENCRYPTION_CAPABILITIES", 0x3, "SMB2_COMPRESSION_CAPABILITIES", 0x5, "SMB2_NETNAME_NEGOTIATE_CONTEXT_ID", 0x6, "SMB2_TRANSPORT_CAPABILITIES", 0x7, "SMB2_RDMA_TRANSFORM_CAPABILITIES", 0x8, "SMB2_SIGNING_CAPABILITIES", 0x100, "SMB2_POSIX_EXTENSIONS_AVAILABLE");

    /** The name ("SMB2_PREAUTH_INTEGRITY_CAPABILITIES"), or "UNKNOWN(0x001f)" for an unknown value. */
    public String name() {
        String n = NAMES.code(value);
        return n != null ? n : "UNKNOWN(" + String.format("0x%04x", value) + ")";
    }

    public boolean isKnown() {
        return NAMES.code(value) != null;
    }

    @Override
    public String toString() {
        return name() + " (" + String.format("0x%04x", value) + ")";
    }
}
