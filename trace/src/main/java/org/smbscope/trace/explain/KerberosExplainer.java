package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.kerberos.ApReq;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.codec.kerberos.GssKrb5Token;
import org.smbscope.codec.kerberos.KdcReply;
import org.smbscope.codec.kerberos.KdcRequest;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.codec.kerberos.KrbError;
import org.smbscope.codec.kerberos.MessageType;

/**
 * Plain words for Kerberos messages (RFC 4120 3.1-3.3, 5.9.1): the AS exchange gets the ticket-
 * granting ticket, the TGS exchange a service ticket for {@code cifs/<name>}, a KRB-ERROR says
 * which code the KDC (or the server) answered and what it means.
 */
public final class KerberosExplainer {
    private KerberosExplainer() {
    }

    /** One line, as Wireshark's Info column: "Kerberos TGS-REQ for cifs/fs.lab.test@LAB.TEST". */
    public static String summary(KerberosMessage m) {
        return "Kerberos " + switch (m) {
            case KdcRequest q -> q.type().name() + (q.service() == null ? "" : " for " + q.service())
                    + (q.cname() == null ? "" : " (client " + q.cname().withRealm(q.realm()) + ")");
            case KdcReply r -> r.type().name() + ": ticket for " + r.ticket().server() + " issued to " + r.client();
            case KrbError e -> "KRB-ERROR " + e.errorCode() + (e.sname() == null ? "" : " for " + e.service());
            case ApReq a -> "AP-REQ with a ticket for " + a.ticket().server();
            case GssKrb5Token t -> summary(t.message()).substring("Kerberos ".length());
            default -> m.type().name();
        };
    }

    /** The sentences under a Kerberos message. */
    public static List<String> explain(KerberosMessage m) {
        List<String> out = new ArrayList<>();
        switch (m) {
            case KdcRequest q when q.type().equals(MessageType.AS_REQ) -> out.add("The client asks the KDC for a"
                    + " ticket-granting ticket" + (q.cname() == null ? "" : " as " + q.cname().withRealm(q.realm()))
                    + (q.padata().isEmpty() ? " (no pre-authentication yet: the KDC usually answers"
                            + " PREAUTH_REQUIRED first)" : "") + ".");
            case KdcRequest q -> {
                out.add("The client asks the KDC for a service ticket for " + q.service() + ".");
                if (q.sname() != null && q.sname().components().size() > 1
                        && isAddress(q.sname().components().get(1))) {
                    out.add("The SPN names an IP address: a KDC knows servers by their names, so this works only"
                            + " when an SPN was registered for the address (setspn -S cifs/<address>).");
                }
            }
            case KdcReply r -> out.add(r.type().equals(MessageType.AS_REP)
                    ? "The KDC issued a ticket-granting ticket to " + r.client() + "."
                    : "The KDC issued a service ticket for " + r.ticket().server() + ": the SPN exists.");
            case KrbError e -> {
                out.add((e.errorCode().equals(ErrorCode.PREAUTH_REQUIRED) ? "Normal first answer: " : "The KDC refused: ")
                        + e.summary() + ".");
                if (e.errorCode().equals(ErrorCode.S_PRINCIPAL_UNKNOWN)) {
                    out.add("No account holds the SPN " + e.service() + ": the client cannot use Kerberos for this"
                            + " name and (if allowed) falls back to NTLM.");
                } else if (e.errorCode().equals(ErrorCode.SKEW)) {
                    out.add("The clocks differ by more than the allowed skew (5 minutes by default).");
                } else if (e.errorCode().equals(ErrorCode.WRONG_REALM)
                        || e.errorCode().equals(ErrorCode.C_PRINCIPAL_UNKNOWN)) {
                    out.add("The client principal is not known in realm " + e.realm() + ": check the realm in"
                            + " krb5.conf and the user name.");
                }
            }
            case ApReq a -> out.add("The client presents a ticket for " + a.ticket().server() + ".");
            case GssKrb5Token t -> out.addAll(explain(t.message()));
            default -> {
            }
        }
        return out;
    }

    static boolean isAddress(String host) {
        return !host.isEmpty() && (host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.indexOf(':') >= 0);
    }
}
