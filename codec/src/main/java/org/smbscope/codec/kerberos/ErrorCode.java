package org.smbscope.codec.kerberos;

/**
 * A Kerberos error-code, RFC 4120 7.5.9 (and RFC 4556, RFC 6113), named as the RFC names it, with
 * the text MIT prints for it. Open: an unknown code keeps its number.
 */
public record ErrorCode(int value) {
    public static final ErrorCode S_PRINCIPAL_UNKNOWN = new ErrorCode(7);
    public static final ErrorCode C_PRINCIPAL_UNKNOWN = new ErrorCode(6);
    public static final ErrorCode PREAUTH_FAILED = new ErrorCode(24);
    public static final ErrorCode PREAUTH_REQUIRED = new ErrorCode(25);
    public static final ErrorCode SKEW = new ErrorCode(37);
    public static final ErrorCode WRONG_REALM = new ErrorCode(68);
    public static final ErrorCode ETYPE_NOSUPP = new ErrorCode(14);
    public static final ErrorCode TKT_EXPIRED = new ErrorCode(32);
    public static final ErrorCode NOT_US = new ErrorCode(35);
    public static final ErrorCode BAD_INTEGRITY = new ErrorCode(31);
    public static final ErrorCode MODIFIED = new ErrorCode(41);
    public static final ErrorCode BADKEYVER = new ErrorCode(44);
    public static final ErrorCode GENERIC = new ErrorCode(60);

    /** "KDC_ERR_S_PRINCIPAL_UNKNOWN", ..., "UNKNOWN(99)". */
    public String name() {
        return switch (value) {
            case 0 -> "KDC_ERR_NONE";
            case 1 -> "KDC_ERR_NAME_EXP";
            case 2 -> "KDC_ERR_SERVICE_EXP";
            case 3 -> "KDC_ERR_BAD_PVNO";
            case 4 -> "KDC_ERR_C_OLD_MAST_KVNO";
            case 5 -> "KDC_ERR_S_OLD_MAST_KVNO";
            case 6 -> "KDC_ERR_C_PRINCIPAL_UNKNOWN";
            case 7 -> "KDC_ERR_S_PRINCIPAL_UNKNOWN";
            case 8 -> "KDC_ERR_PRINCIPAL_NOT_UNIQUE";
            case 9 -> "KDC_ERR_NULL_KEY";
            case 10 -> "KDC_ERR_CANNOT_POSTDATE";
            case 11 -> "KDC_ERR_NEVER_VALID";
            case 12 -> "KDC_ERR_POLICY";
            case 13 -> "KDC_ERR_BADOPTION";
            case 14 -> "KDC_ERR_ETYPE_NOSUPP";
            case 15 -> "KDC_ERR_SUMTYPE_NOSUPP";
            case 16 -> "KDC_ERR_PADATA_TYPE_NOSUPP";
            case 17 -> "KDC_ERR_TRTYPE_NOSUPP";
            case 18 -> "KDC_ERR_CLIENT_REVOKED";
            case 19 -> "KDC_ERR_SERVICE_REVOKED";
            case 20 -> "KDC_ERR_TGT_REVOKED";
            case 21 -> "KDC_ERR_CLIENT_NOTYET";
            case 22 -> "KDC_ERR_SERVICE_NOTYET";
            case 23 -> "KDC_ERR_KEY_EXPIRED";
            case 24 -> "KDC_ERR_PREAUTH_FAILED";
            case 25 -> "KDC_ERR_PREAUTH_REQUIRED";
            case 26 -> "KDC_ERR_SERVER_NOMATCH";
            case 27 -> "KDC_ERR_MUST_USE_USER2USER";
            case 28 -> "KDC_ERR_PATH_NOT_ACCEPTED";
            case 29 -> "KDC_ERR_SVC_UNAVAILABLE";
            case 31 -> "KRB_AP_ERR_BAD_INTEGRITY";
            case 32 -> "KRB_AP_ERR_TKT_EXPIRED";
            case 33 -> "KRB_AP_ERR_TKT_NYV";
            case 34 -> "KRB_AP_ERR_REPEAT";
            case 35 -> "KRB_AP_ERR_NOT_US";
            case 36 -> "KRB_AP_ERR_BADMATCH";
            case 37 -> "KRB_AP_ERR_SKEW";
            case 38 -> "KRB_AP_ERR_BADADDR";
            case 39 -> "KRB_AP_ERR_BADVERSION";
            case 40 -> "KRB_AP_ERR_MSG_TYPE";
            case 41 -> "KRB_AP_ERR_MODIFIED";
            case 42 -> "KRB_AP_ERR_BADORDER";
            case 44 -> "KRB_AP_ERR_BADKEYVER";
            case 45 -> "KRB_AP_ERR_NOKEY";
            case 46 -> "KRB_AP_ERR_MUT_FAIL";
            case 47 -> "KRB_AP_ERR_BADDIRECTION";
            case 48 -> "KRB_AP_ERR_METHOD";
            case 49 -> "KRB_AP_ERR_BADSEQ";
            case 50 -> "KRB_AP_ERR_INAPP_CKSUM";
            case 51 -> "KRB_AP_PATH_NOT_ACCEPTED";
            case 52 -> "KRB_ERR_RESPONSE_TOO_BIG";
            case 60 -> "KRB_ERR_GENERIC";
            case 61 -> "KRB_ERR_FIELD_TOOLONG";
            case 62 -> "KDC_ERR_CLIENT_NOT_TRUSTED";
            case 63 -> "KDC_ERR_KDC_NOT_TRUSTED";
            case 64 -> "KDC_ERR_INVALID_SIG";
            case 65 -> "KDC_ERR_KEY_TOO_WEAK";
            case 66 -> "KDC_ERR_CERTIFICATE_MISMATCH";
            case 67 -> "KRB_AP_ERR_NO_TGT";
            case 68 -> "KDC_ERR_WRONG_REALM";
            case 69 -> "KRB_AP_ERR_USER_TO_USER_REQUIRED";
            case 70 -> "KDC_ERR_CANT_VERIFY_CERTIFICATE";
            case 71 -> "KDC_ERR_INVALID_CERTIFICATE";
            case 72 -> "KDC_ERR_REVOKED_CERTIFICATE";
            case 73 -> "KDC_ERR_REVOCATION_STATUS_UNKNOWN";
            case 74 -> "KDC_ERR_REVOCATION_STATUS_UNAVAILABLE";
            case 75 -> "KDC_ERR_CLIENT_NAME_MISMATCH";
            case 76 -> "KDC_ERR_KDC_NAME_MISMATCH";
            case 90 -> "KDC_ERR_PREAUTH_EXPIRED";
            case 91 -> "KDC_ERR_MORE_PREAUTH_DATA_REQUIRED";
            case 93 -> "KDC_ERR_UNKNOWN_CRITICAL_FAST_OPTIONS";
            default -> "UNKNOWN(" + value + ")";
        };
    }

    /** What it means, e.g. "Server not found in Kerberos database"; empty for unknown codes. */
    public String meaning() {
        return switch (value) {
            case 0 -> "No error";
            case 1 -> "Client's entry in database has expired";
            case 2 -> "Server's entry in database has expired";
            case 3 -> "Requested protocol version number not supported";
            case 4 -> "Client's key encrypted in old master key";
            case 5 -> "Server's key encrypted in old master key";
            case 6 -> "Client not found in Kerberos database";
            case 7 -> "Server not found in Kerberos database";
            case 8 -> "Multiple principal entries in database";
            case 9 -> "The client or server has a null key";
            case 10 -> "Ticket not eligible for postdating";
            case 11 -> "Requested starttime is later than end time";
            case 12 -> "KDC policy rejects request";
            case 13 -> "KDC cannot accommodate requested option";
            case 14 -> "KDC has no support for encryption type";
            case 15 -> "KDC has no support for checksum type";
            case 16 -> "KDC has no support for padata type";
            case 17 -> "KDC has no support for transited type";
            case 18 -> "Clients credentials have been revoked";
            case 19 -> "Credentials for server have been revoked";
            case 20 -> "TGT has been revoked";
            case 21 -> "Client not yet valid; try again later";
            case 22 -> "Server not yet valid; try again later";
            case 23 -> "Password has expired; change password to reset";
            case 24 -> "Pre-authentication information was invalid";
            case 25 -> "Additional pre-authentication required";
            case 26 -> "Requested server and ticket don't match";
            case 27 -> "Server principal valid for user2user only";
            case 28 -> "KDC Policy rejects transited path";
            case 29 -> "A service is not available";
            case 31 -> "Integrity check on decrypted field failed";
            case 32 -> "Ticket expired";
            case 33 -> "Ticket not yet valid";
            case 34 -> "Request is a replay";
            case 35 -> "The ticket isn't for us";
            case 36 -> "Ticket and authenticator don't match";
            case 37 -> "Clock skew too great";
            case 38 -> "Incorrect net address";
            case 39 -> "Protocol version mismatch";
            case 40 -> "Invalid msg type";
            case 41 -> "Message stream modified";
            case 42 -> "Message out of order";
            case 44 -> "Specified version of key is not available";
            case 45 -> "Service key not available";
            case 46 -> "Mutual authentication failed";
            case 47 -> "Incorrect message direction";
            case 48 -> "Alternative authentication method required";
            case 49 -> "Incorrect sequence number in message";
            case 50 -> "Inappropriate type of checksum in message";
            case 51 -> "Policy rejects transited path";
            case 52 -> "Response too big for UDP; retry with TCP";
            case 60 -> "Generic error";
            case 61 -> "Field is too long for this implementation";
            case 62 -> "Client not trusted";
            case 63 -> "KDC not trusted";
            case 64 -> "Invalid signature";
            case 65 -> "Key parameters not accepted";
            case 66 -> "Certificate mismatch";
            case 67 -> "No ticket granting ticket available to support user-to-user";
            case 68 -> "Wrong realm";
            case 69 -> "Ticket must be for user-to-user";
            case 70 -> "Can't verify certificate";
            case 71 -> "Invalid certificate";
            case 72 -> "Revoked certificate";
            case 73 -> "Revocation status unknown";
            case 74 -> "Revocation status unavailable";
            case 75 -> "Client name mismatch";
            case 76 -> "KDC name mismatch";
            case 90 -> "Pre-authentication expired";
            case 91 -> "More pre-authentication data required";
            case 93 -> "Unknown critical FAST options";
            default -> "";
        };
    }

    /** "KDC_ERR_S_PRINCIPAL_UNKNOWN (7)". */
    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
