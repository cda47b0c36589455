package org.smbscope.trace.diagnose;

import java.util.List;
import org.smbscope.codec.kerberos.ErrorCode;

/**
 * Wrong realm: KDC_ERR_WRONG_REALM (68) or KDC_ERR_C_PRINCIPAL_UNKNOWN (6) in answer to an AS-REQ:
 * the client asked a KDC for a principal it does not hold (RFC 4120 7.5.9). Evidence: the AS-REQ
 * and the KRB-ERROR.
 */
final class KerberosRealmRule implements Rule {
    @Override
    public String name() {
        return "kerberos-wrong-realm";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<KerberosEvidence.ErrorAt> errors = KerberosEvidence.errors(o, ErrorCode.WRONG_REALM,
                ErrorCode.C_PRINCIPAL_UNKNOWN);
        if (errors.isEmpty()) {
            return List.of();
        }
        KerberosEvidence.ErrorAt e = errors.get(0);
        String client = e.error().client() == null ? "the client principal" : e.error().client();
        List<Evidence> ev = new java.util.ArrayList<>();
        KerberosEvidence.requestBefore(o, e.message()).ifPresent(q -> ev.add(Evidence.of(q, "the client logs on as "
                + client)));
        ev.add(Evidence.of(e.message(), e.error().summary()));
        return List.of(new Finding(name(), Severity.ERROR,
                "The KDC for realm " + e.error().realm() + " does not know " + client,
                "The client asked the KDC of realm " + e.error().realm() + " for a ticket as " + client + " and the"
                        + " KDC holds no such principal (" + e.error().errorCode() + "): the user name or the realm is"
                        + " wrong (krb5.conf default_realm, [domain_realm], or a UPN suffix the domain does not have).",
                "NT_STATUS_NO_SUCH_USER / kinit: Client not found in Kerberos database",
                ev, new Fix(
                        "Log on with the user's UPN (user@REALM) or DOMAIN\\user; check the UPN suffixes in Active"
                                + " Directory Domains and Trusts",
                        "",
                        "krb5.conf: [libdefaults] default_realm = " + e.error().realm() + " and a [domain_realm]"
                                + " mapping for the server's domain; smb.conf: realm = <REALM>")));
    }
}
