package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.codec.kerberos.KdcRequest;
import org.smbscope.codec.kerberos.KrbError;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.explain.AuthBlob;
import org.smbscope.trace.explain.Message;

/**
 * Kerberos facts the rules share: KRB-ERRORs from a KDC (port 88) or from a server inside a
 * SESSION_SETUP response, the KDC requests, and whether a later session setup used NTLMSSP (the
 * fallback). The KDC is a different conversation than SMB, so "later" is capture order.
 */
final class KerberosEvidence {
    private KerberosEvidence() {
    }

    /** A KRB-ERROR and the message that carried it. */
    record ErrorAt(Message message, KrbError error, boolean fromKdc) {
    }

    static List<ErrorAt> errors(Observations o, ErrorCode... codes) {
        List<ErrorAt> out = new ArrayList<>();
        for (Message m : o.messages()) {
            KrbError e = null;
            boolean kdc = false;
            if (m.decoded() instanceof KrbError k) {
                e = k;
                kdc = true;
            } else {
                Optional<AuthBlob> b = KerberosByIpRule.blob(m);
                if (b.isEmpty()) {
                    b = sessionSetupResponseBlob(m);
                }
                e = b.flatMap(AuthBlob::krbError).orElse(null);
            }
            if (e != null && List.of(codes).contains(e.errorCode())) {
                out.add(new ErrorAt(m, e, kdc));
            }
        }
        return out;
    }

    static Optional<AuthBlob> sessionSetupResponseBlob(Message m) {
        if (m.decoded() instanceof org.smbscope.codec.smb2.Smb2Packet p
                && p.message() instanceof org.smbscope.codec.smb2.SessionSetupResponse r) {
            return Optional.of(AuthBlob.parse(r.securityBuffer()));
        }
        if (m.decoded() instanceof org.smbscope.trace.explain.Smb1Part p
                && p.message() instanceof org.smbscope.codec.smb1.SessionSetupAndXResponse r) {
            return Optional.of(AuthBlob.parse(r.securityBlob()));
        }
        return Optional.empty();
    }

    /** The KDC request this error answers: the last request before it in its conversation. */
    static Optional<Message> requestBefore(Observations o, Message error) {
        List<Message> before = o.before(error);
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i).decoded() instanceof KdcRequest) {
                return Optional.of(before.get(i));
            }
        }
        return Optional.empty();
    }

    /** The first SMB session setup request after {@code m} (any conversation) that carries NTLMSSP. */
    static Optional<Message> ntlmAfter(Observations o, Message m) {
        boolean seen = false;
        for (Message x : o.messages()) {
            if (x == m) {
                seen = true;
                continue;
            }
            if (seen && x.exchange().direction() == Direction.CLIENT_TO_SERVER
                    && KerberosByIpRule.blob(x).map(b -> b.ntlm().isPresent()).orElse(false)) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /** "cifs/fs.lab.test" from "cifs/fs.lab.test@LAB.TEST". */
    static String withoutRealm(String principal) {
        int at = principal.lastIndexOf('@');
        return at < 0 ? principal : principal.substring(0, at);
    }

    /** The host of a "service/host" SPN, or "". */
    static String host(String spn) {
        String s = withoutRealm(spn);
        int slash = s.indexOf('/');
        return slash < 0 ? "" : s.substring(slash + 1);
    }
}
