package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.kerberos.KdcRequest;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.explain.Message;

/**
 * No KDC reachable: Kerberos requests to port 88 that nothing answered (RFC 4120 7.2.1: a client
 * retries then gives up), so there is no ticket. Evidence: the unanswered requests and the NTLM
 * session setup that followed, if any.
 */
final class KerberosNoKdcRule implements Rule {
    @Override
    public String name() {
        return "kerberos-no-kdc";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Message> unanswered = new ArrayList<>();
        for (Message m : o.messages()) {
            if (m.decoded() instanceof KdcRequest && o.after(m).stream()
                    .noneMatch(x -> x.exchange().direction() == Direction.SERVER_TO_CLIENT)) {
                unanswered.add(m);
            }
        }
        if (unanswered.isEmpty()) {
            return List.of();
        }
        Message first = unanswered.get(0);
        String kdc = first.exchange().server().toString();
        List<Evidence> ev = new ArrayList<>();
        ev.add(Evidence.of(first, "no answer from the KDC at " + kdc + " (" + unanswered.size() + " request"
                + (unanswered.size() == 1 ? "" : "s") + ")"));
        Optional<Message> ntlm = KerberosEvidence.ntlmAfter(o, unanswered.get(unanswered.size() - 1));
        ntlm.ifPresent(n -> ev.add(Evidence.of(n, "the client falls back to NTLMSSP")));
        return List.of(new Finding(name(), ntlm.isPresent() ? Severity.WARNING : Severity.ERROR,
                "No KDC answered at " + kdc + ": no Kerberos ticket",
                "The client sent Kerberos requests that nothing answered (KDC down, port 88 filtered, or the wrong"
                        + " KDC in DNS SRV records / krb5.conf), so it got no ticket"
                        + (ntlm.isPresent() ? " and used NTLM instead." : "."),
                "KDC_ERR_SVC_UNAVAILABLE / \"Cannot contact any KDC for realm\"", ev, new Fix(
                        "Check the domain controllers' reachability (nltest /dsgetdc:<domain>, TCP/UDP 88 open in"
                                + " firewalls) and the _kerberos._tcp DNS SRV records",
                        "",
                        "krb5.conf: [realms] <REALM> = { kdc = <dc>:88 }, dns_lookup_kdc = true; smb.conf: realm,"
                                + " password server")));
    }
}
