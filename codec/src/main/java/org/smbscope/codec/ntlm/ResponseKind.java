package org.smbscope.codec.ntlm;

/** Which challenge responses an AUTHENTICATE message carries ([MS-NLMP] 3.3). */
public enum ResponseKind {
    ANONYMOUS("anonymous (null session)"),
    LM_AND_NTLMV1("LM and NTLMv1"),
    NTLMV1("NTLMv1 (NT response in both fields)"),
    NTLM2_SESSION("NTLMv1 with extended session security (NTLM2 session response)"),
    NTLMV2("NTLMv2 and LMv2"),
    LM("LM only");

    private final String text;

    ResponseKind(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
