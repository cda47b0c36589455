package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.trace.explain.Message;

/**
 * KDC_ERR_S_PRINCIPAL_UNKNOWN (7) for a {@code cifs/} SPN, then (usually) NTLM: the client named
 * the server by an alias or an address no account holds an SPN for (RFC 4120 7.5.9; [MS-KILE]
 * 3.3.5.1.1). Evidence: the TGS-REQ, the KRB-ERROR naming the SPN, the NTLMSSP session setup
 * that followed.
 */
final class KerberosSpnUnknownRule implements Rule {
    @Override
    public String name() {
        return "kerberos-spn-unknown";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (KerberosEvidence.ErrorAt e : KerberosEvidence.errors(o, ErrorCode.S_PRINCIPAL_UNKNOWN)) {
            String spn = KerberosEvidence.withoutRealm(e.error().service());
            if (seen.contains(spn) || !e.fromKdc()) {
                continue;
            }
            seen.add(spn);
            String host = KerberosEvidence.host(spn);
            boolean address = ClientPolicy.isAddress(host);
            List<Evidence> ev = new ArrayList<>();
            KerberosEvidence.requestBefore(o, e.message()).ifPresent(q -> ev.add(Evidence.of(q,
                    "the client asks the KDC for a ticket for " + e.error().service())));
            ev.add(Evidence.of(e.message(), e.error().summary()));
            Optional<Message> ntlm = KerberosEvidence.ntlmAfter(o, e.message());
            ntlm.ifPresent(n -> ev.add(Evidence.of(n, "the client falls back to NTLMSSP")));
            out.add(new Finding(name(), ntlm.isPresent() ? Severity.WARNING : Severity.ERROR,
                    "The KDC has no SPN " + spn + (ntlm.isPresent() ? ": Kerberos failed, the client fell back to NTLM"
                            : ": Kerberos failed"),
                    "The client named the server " + host + (address ? " (an IP address)" : "")
                            + ", so it asked for a ticket for " + spn + "; no account in realm " + e.error().realm()
                            + " holds that SPN (KDC_ERR_S_PRINCIPAL_UNKNOWN, error 7)."
                            + (ntlm.isPresent() ? " NTLM took Kerberos' place: NTLM restrictions and audit apply,"
                                    + " and servers that refuse NTLM cannot be reached."
                                    : " With Kerberos required there is no fallback."),
                    ntlm.isPresent() ? "" : "System error 1396 has occurred. The target account name is incorrect.",
                    ev, new Fix(
                            address ? "Computer Configuration > Administrative Templates > System > Kerberos >"
                                    + " \"Allow IP SPNs\" (Windows 10 1507+), and register the address: setspn -S " + spn
                                    + " <server>; better: use the server's DNS name"
                                    : "Register the alias on the server's computer account: setspn -S " + spn
                                    + " <SERVER>$ (or netdom computername <server> /add:" + host + "); or connect"
                                    + " by the server's own DNS name",
                            address ? "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Kerberos"
                                    + "\\Parameters TryIPSPN=1 (DWORD)" : "",
                            "AD member: additional dns hostnames = " + host + " (then net ads keytab create);"
                                    + " dedicated keytab: add " + spn + " to the KDC (kadmin: addprinc -randkey "
                                    + spn + ") and to the keytab (ktadd)")));
        }
        return out;
    }
}
