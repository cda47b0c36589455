package org.smbscope.codec.ntlm;

/** The outcome of verifying an AUTHENTICATE message on the server. */
public sealed interface NtlmAuthResult {
    /**
     * Authenticated.
     *
     * @param sessionKey the exported session key (16 zero bytes for anonymous)
     */
    record Success(String domain, String user, ResponseKind kind, byte[] sessionKey) implements NtlmAuthResult {
        public Success {
            sessionKey = sessionKey.clone();
        }

        @Override
        public byte[] sessionKey() {
            return sessionKey.clone();
        }

        public boolean anonymous() {
            return kind == ResponseKind.ANONYMOUS;
        }
    }

    /** Refused, with the NTSTATUS a server would answer and a reason for the explainer. */
    record Failure(Reason reason, String detail) implements NtlmAuthResult {
    }

    enum Reason {
        NO_SUCH_USER("STATUS_LOGON_FAILURE"),
        WRONG_PASSWORD("STATUS_LOGON_FAILURE"),
        LM_REFUSED("STATUS_LOGON_FAILURE"),
        NTLMV1_REFUSED("STATUS_LOGON_FAILURE"),
        ANONYMOUS_REFUSED("STATUS_ACCESS_DENIED"),
        MIC_MISMATCH("STATUS_INVALID_PARAMETER"),
        MALFORMED("STATUS_INVALID_PARAMETER");

        private final String ntStatus;

        Reason(String ntStatus) {
            this.ntStatus = ntStatus;
        }

        /** The NTSTATUS name a Windows or Samba server answers with. */
        public String ntStatus() {
            return ntStatus;
        }
    }
}
