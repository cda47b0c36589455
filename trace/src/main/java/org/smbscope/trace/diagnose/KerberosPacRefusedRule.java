package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.kerberos.ApReq;
import org.smbscope.trace.explain.AuthBlob;
import org.smbscope.trace.explain.Message;

/**
 * A ticket's PAC refused by a standalone server: the client's SESSION_SETUP carries a Kerberos
 * AP-REQ and the server answers NT_STATUS_BAD_TOKEN_TYPE (0xC00000A8): a server that is not a
 * domain member cannot check the PAC ([MS-PAC]) the KDC put in the ticket. Evidence: the AP-REQ
 * (naming the ticket's SPN) and the refusal.
 */
final class KerberosPacRefusedRule implements Rule {
    static final int BAD_TOKEN_TYPE = 0xC00000A8;

    @Override
    public String name() {
        return "kerberos-pac-refused";
    }

    @Override
    public List<Finding> check(Observations o) {
        for (Message m : o.messages()) {
            ApReq ap = KerberosByIpRule.blob(m).flatMap(AuthBlob::apReq).orElse(null);
            if (ap == null) {
                continue;
            }
            Message r = o.responseTo(m).orElse(null);
            if (r == null || r.status().map(s -> s.value() != BAD_TOKEN_TYPE).orElse(true)) {
                continue;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.of(m, "the client presents a ticket for " + ap.ticket().server()));
            ev.add(Evidence.of(r, "the server answers " + r.status().get().name()));
            return List.of(new Finding(name(), Severity.ERROR,
                    "The server refused the Kerberos ticket for " + ap.ticket().server() + " (NT_STATUS_BAD_TOKEN_TYPE)",
                    "The ticket carries a PAC (the authorization data a domain controller signs) and this server,"
                            + " standalone and not a member of the KDC's domain, cannot validate it, so it refuses"
                            + " the token.",
                    "System error 1349 has occurred. The type of the token is inappropriate for its attempted use."
                            + " (smbclient: NT_STATUS_BAD_TOKEN_TYPE)",
                    ev, new Fix(
                            "Join the server to the domain that issues the tickets",
                            "",
                            "MIT KDC: kadmin modprinc +no_auth_data_required " + KerberosEvidence.withoutRealm(
                                    ap.ticket().server()) + " (no PAC for this service); or make Samba a member"
                                    + " (security = ads, net ads join)")));
        }
        return List.of();
    }
}
