package org.smbscope.trace.diagnose;

import java.util.List;
import org.smbscope.codec.kerberos.ErrorCode;

/**
 * KRB_AP_ERR_SKEW (37): the KDC or the server refused because the clocks differ by more than the
 * allowed skew (RFC 4120 5.9.1, 3.2.3). Evidence: the KRB-ERROR (its stime is the refuser's clock).
 */
final class KerberosSkewRule implements Rule {
    @Override
    public String name() {
        return "kerberos-skew";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<KerberosEvidence.ErrorAt> errors = KerberosEvidence.errors(o, ErrorCode.SKEW);
        if (errors.isEmpty()) {
            return List.of();
        }
        KerberosEvidence.ErrorAt e = errors.get(0);
        return List.of(new Finding(name(), Severity.ERROR,
                "Kerberos refused: the clocks differ by more than 5 minutes (KRB_AP_ERR_SKEW)",
                (e.fromKdc() ? "The KDC" : "The server") + " refused the request because its clock ("
                        + e.error().stime() + ") and the client's differ beyond the allowed skew;"
                        + " Kerberos fails and clients fall back to NTLM or give up.",
                "System error 1398 has occurred. There is a time and/or date difference between the client and server.",
                List.of(Evidence.of(e.message(), e.error().summary())), new Fix(
                        "Synchronise the clocks with the domain hierarchy (w32tm /resync); Computer Configuration >"
                                + " Windows Settings > Security Settings > Account Policies > Kerberos Policy >"
                                + " \"Maximum tolerance for computer clock synchronization\"",
                        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters Type=NT5DS",
                        "run chronyd/ntpd on the Samba host and the KDC; krb5.conf [libdefaults] clockskew (seconds)")));
    }
}
