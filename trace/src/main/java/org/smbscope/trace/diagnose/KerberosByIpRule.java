package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.trace.explain.AuthBlob;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * Kerberos by IP address, NTLM fallback (the seed's case). Evidence: the server's SPNEGO hint
 * (NEGOTIATE response) offering Kerberos, the client's SESSION_SETUP carrying NTLMSSP, and the
 * name the client used: the doctor's target, the NTLMv2 MsvAvTargetName ("cifs/192.168.1.63")
 * or the tree connect path ("\\192.168.1.63\share"). An address has no cifs/ SPN, so Kerberos
 * cannot be used and NTLM takes its place: it works, but NTLM policies (restrictions, audit)
 * apply and Kerberos-only servers refuse.
 */
final class KerberosByIpRule implements Rule {
    @Override
    public String name() {
        return "kerberos-by-ip";
    }

    @Override
    public List<Finding> check(Observations o) {
        // the offer and the NTLMSSP must be in one conversation (the doctor's probes come first,
        // each its own conversation); a real session is preferred over a probe as evidence
        Message offer = null;
        Message ntlm = null;
        java.util.Map<String, Message> offers = new java.util.HashMap<>();
        for (Message m : o.messages()) {
            String conv = m.exchange().client() + ">" + m.exchange().server();
            if (isResponse(m)) {
                if (!offers.containsKey(conv) && blob(m).map(AuthBlob::offersKerberos).orElse(false)) {
                    offers.put(conv, m);
                }
            } else if (offers.containsKey(conv) && (ntlm == null || o.isProbe(ntlm) && !o.isProbe(m))
                    && blob(m).map(b -> b.ntlm().isPresent()).orElse(false)) {
                offer = offers.get(conv);
                ntlm = m;
                if (!o.isProbe(m)) {
                    break;
                }
            }
        }
        if (ntlm == null) {
            return List.of();
        }
        String target = o.policy().targetName();
        if (!ClientPolicy.isAddress(target)) {
            target = targetFromTraffic(o).orElse("");
        }
        if (!ClientPolicy.isAddress(target)) {
            return List.of();
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(Evidence.of(offer, "the server offers " + AuthBlob.mechNames(blob(offer).get().mechs())));
        ev.add(Evidence.of(ntlm, "the client uses NTLMSSP towards " + target));
        return List.of(new Finding(name(), Severity.WARNING,
                "Kerberos cannot be used: the server was named by its IP address " + target + ", so NTLM was used",
                "Kerberos needs a service ticket for cifs/<name>, and the KDC knows the server by its DNS names, not"
                        + " by " + target + ". The client falls back to NTLM, where NTLM restrictions, audit and"
                        + " LmCompatibilityLevel apply, and servers that refuse NTLM cannot be reached.",
                "", ev, new Fix(
                        "Use the server's DNS name (\\\\fs01.example.com\\share), not its address; or, since Windows 10"
                                + " 1507, Computer Configuration > Administrative Templates > System > Kerberos:"
                                + " allow IP SPNs with an SPN registered for the address (setspn -S cifs/" + target
                                + " <server>)",
                        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Kerberos\\Parameters"
                                + " TryIPSPN=1 (DWORD)",
                        "client: connect by name (smbclient //name/share); server (AD member): the machine account's"
                                + " SPNs come from its DNS name, check with 'net ads status'")));
    }

    private static boolean isResponse(Message m) {
        return m.decoded() instanceof Smb2Packet p ? p.isResponse()
                : m.decoded() instanceof Smb1Part q && q.header().isReply();
    }

    static Optional<AuthBlob> blob(Message m) {
        if (m.decoded() instanceof Smb2Packet p) {
            if (p.message() instanceof NegotiateResponse r) {
                return Optional.of(AuthBlob.parse(r.securityBuffer()));
            }
            if (p.message() instanceof SessionSetupRequest r) {
                return Optional.of(AuthBlob.parse(r.securityBuffer()));
            }
            if (p.message() instanceof org.smbscope.codec.smb2.SessionSetupResponse r) {
                return Optional.of(AuthBlob.parse(r.securityBuffer()));
            }
        }
        if (m.decoded() instanceof Smb1Part p) {
            if (p.message() instanceof org.smbscope.codec.smb1.NegotiateResponse r && r.extendedSecurity()) {
                return Optional.of(AuthBlob.parse(r.securityBlob()));
            }
            if (p.message() instanceof SessionSetupAndXRequest r && r.isExtended()) {
                return Optional.of(AuthBlob.parse(r.securityBlob()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> targetFromTraffic(Observations o) {
        for (Message m : o.messages()) {
            Optional<String> spn = blob(m).flatMap(AuthBlob::authenticate).flatMap(AuthBlob::targetName);
            if (spn.isPresent() && spn.get().contains("/")) {
                return Optional.of(spn.get().substring(spn.get().indexOf('/') + 1));
            }
            String path = m.decoded() instanceof Smb2Packet p && p.message() instanceof TreeConnectRequest t ? t.path()
                    : m.decoded() instanceof Smb1Part q && q.message() instanceof TreeConnectAndXRequest u ? u.path() : null;
            if (path != null && path.startsWith("\\\\")) {
                String host = path.substring(2);
                int slash = host.indexOf('\\');
                return Optional.of(slash < 0 ? host : host.substring(0, slash));
            }
        }
        return Optional.empty();
    }
}
