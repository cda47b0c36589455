package org.smbscope.codec.dcerpc;

/**
 * The status of a FAULT PDU ([C706] appendix E, [MS-RPCE] 2.2.2.11 and 3.1.1.5.5). Open: any
 * value is kept; well-known ones have names.
 */
public record FaultStatus(long value) {
    public static final FaultStatus ACCESS_DENIED = new FaultStatus(0x00000005L);
    public static final FaultStatus NDR = new FaultStatus(0x000006F7L);
    public static final FaultStatus SEC_PKG_ERROR = new FaultStatus(0x00000721L);
    public static final FaultStatus INVALID_TAG = new FaultStatus(0x1C000006L);
    public static final FaultStatus INVALID_BOUND = new FaultStatus(0x1C000007L);
    public static final FaultStatus CONTEXT_MISMATCH = new FaultStatus(0x1C00001AL);
    public static final FaultStatus COMM_FAILURE = new FaultStatus(0x1C010001L);
    public static final FaultStatus OP_RNG_ERROR = new FaultStatus(0x1C010002L);
    public static final FaultStatus UNKNOWN_IF = new FaultStatus(0x1C010003L);
    public static final FaultStatus PROTO_ERROR = new FaultStatus(0x1C01000BL);
    public static final FaultStatus SERVER_TOO_BUSY = new FaultStatus(0x1C010014L);
    public static final FaultStatus UNSUPPORTED_TYPE = new FaultStatus(0x1C010017L);

    public String name() {
        return switch ((int) value) {
            case 0x00000005 -> "nca_s_fault_access_denied";
            case 0x000006F7 -> "nca_s_fault_ndr";
            case 0x00000721 -> "nca_s_fault_sec_pkg_error";
            case 0x1C000006 -> "nca_s_fault_invalid_tag";
            case 0x1C000007 -> "nca_s_fault_invalid_bound";
            case 0x1C00001A -> "nca_s_fault_context_mismatch";
            case 0x1C010001 -> "nca_s_comm_failure";
            case 0x1C010002 -> "nca_s_op_rng_error";
            case 0x1C010003 -> "nca_s_unk_if";
            case 0x1C01000B -> "nca_s_proto_error";
            case 0x1C010014 -> "nca_s_server_too_busy";
            case 0x1C010017 -> "nca_s_unsupported_type";
            default -> String.format("UNKNOWN(0x%08x)", value);
        };
    }

    @Override
    public String toString() {
        return String.format("%s (0x%08x)", name(), value);
    }
}
