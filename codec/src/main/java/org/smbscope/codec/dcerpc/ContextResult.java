package org.smbscope.codec.dcerpc;

/**
 * One p_result_t of a BIND_ACK ([C706] 12.6.3.1, [MS-RPCE] 2.2.2.4): the result for the
 * presentation context at the same position of the BIND, with a reason when rejected, and the
 * accepted transfer syntax.
 */
public record ContextResult(int result, int reason, SyntaxId transferSyntax) {
    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int PROVIDER_REJECTION = 2;
    /** [MS-RPCE] 3.3.1.5.3: bind time feature negotiation acknowledgement. */
    public static final int NEGOTIATE_ACK = 3;

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    public String resultName() {
        return switch (result) {
            case 0 -> "Acceptance";
            case 1 -> "User rejection";
            case 2 -> "Provider rejection";
            case 3 -> "Negotiate ACK";
            default -> String.format("UNKNOWN(0x%04x)", result);
        };
    }

    public String reasonName() {
        if (result == NEGOTIATE_ACK) {
            return String.format("features 0x%04x", reason);
        }
        return switch (reason) {
            case 0 -> "Reason not specified";
            case 1 -> "Abstract syntax not supported";
            case 2 -> "Proposed transfer syntaxes not supported";
            case 3 -> "Local limit exceeded";
            default -> String.format("UNKNOWN(0x%04x)", reason);
        };
    }
}
