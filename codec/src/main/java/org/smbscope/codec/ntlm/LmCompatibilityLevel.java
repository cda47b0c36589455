package org.smbscope.codec.ntlm;

/**
 * Windows' "Network security: LAN Manager authentication level" (registry
 * {@code HKLM\SYSTEM\CurrentControlSet\Control\Lsa\LmCompatibilityLevel}), which decides what a
 * client sends and, at levels 4 and 5, what a domain controller accepts.
 */
public enum LmCompatibilityLevel {
    /** 0: send LM and NTLM responses; never NTLMv2 session security. */
    SEND_LM_AND_NTLM(0, "Send LM & NTLM responses"),
    /** 1: send LM and NTLM; use NTLMv2 session security (extended session security) if negotiated. */
    SEND_LM_AND_NTLM_ESS_IF_NEGOTIATED(1, "Send LM & NTLM - use NTLMv2 session security if negotiated"),
    /** 2: send the NTLM response only (also in the LM field); ESS if negotiated. */
    SEND_NTLM_ONLY(2, "Send NTLM response only"),
    /** 3: send the NTLMv2 response only (with LMv2). The Windows default since Vista. */
    SEND_NTLMV2_ONLY(3, "Send NTLMv2 response only"),
    /** 4: send NTLMv2 only; a DC refuses LM. */
    SEND_NTLMV2_ONLY_REFUSE_LM(4, "Send NTLMv2 response only. Refuse LM"),
    /** 5: send NTLMv2 only; a DC refuses LM and NTLM (v1). */
    SEND_NTLMV2_ONLY_REFUSE_LM_AND_NTLM(5, "Send NTLMv2 response only. Refuse LM & NTLM");

    private final int level;
    private final String windowsText;

    LmCompatibilityLevel(int level, String windowsText) {
        this.level = level;
        this.windowsText = windowsText;
    }

    public int level() {
        return level;
    }

    /** The wording of the Windows security policy setting. */
    public String windowsText() {
        return windowsText;
    }

    public static LmCompatibilityLevel of(int level) {
        for (LmCompatibilityLevel l : values()) {
            if (l.level == level) {
                return l;
            }
        }
        throw new IllegalArgumentException("LmCompatibilityLevel is 0..5, not " + level);
    }

    /** Whether the client sends NTLMv2 (and LMv2) responses. */
    public boolean sendsNtlmv2() {
        return level >= 3;
    }

    /** Whether the client sends a real LM response (levels 0 and 1, when it has the password). */
    public boolean sendsLm() {
        return level <= 1;
    }

    /** Whether the client asks for extended session security (NTLMv2 session security). */
    public boolean requestsExtendedSessionSecurity() {
        return level >= 1;
    }

    /** The matching acceptance policy for a server with this level. */
    public NtlmServerPolicy serverPolicy() {
        return switch (this) {
            case SEND_NTLMV2_ONLY_REFUSE_LM_AND_NTLM -> NtlmServerPolicy.NTLMV2_ONLY;
            case SEND_NTLMV2_ONLY_REFUSE_LM -> NtlmServerPolicy.NTLMV1_PERMITTED;
            default -> NtlmServerPolicy.LANMAN_AUTH;
        };
    }

    @Override
    public String toString() {
        return level + " (" + windowsText + ")";
    }
}
