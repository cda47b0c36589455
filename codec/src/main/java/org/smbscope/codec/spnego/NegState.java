package org.smbscope.codec.spnego;

/** NegTokenResp negState, RFC 4178 4.2.2. Open: an unknown value keeps its number. */
public record NegState(int value) {
    public static final NegState ACCEPT_COMPLETED = new NegState(0);
    public static final NegState ACCEPT_INCOMPLETE = new NegState(1);
    public static final NegState REJECT = new NegState(2);
    public static final NegState REQUEST_MIC = new NegState(3);

    public String name() {
        return switch (value) {
            case 0 -> "accept-completed";
            case 1 -> "accept-incomplete";
            case 2 -> "reject";
            case 3 -> "request-mic";
            default -> "UNKNOWN(" + value + ")";
        };
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
