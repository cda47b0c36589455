package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.AvId;
import org.smbscope.codec.ntlm.ChallengeMessage;
import org.smbscope.codec.ntlm.NegotiateFlag;
import org.smbscope.codec.ntlm.NegotiateMessage;
import org.smbscope.codec.ntlm.TargetInfo;
import org.smbscope.codec.spnego.NegState;

/**
 * Sentences for a security blob: which mechanisms are offered, which NTLM message is carried and
 * what it reveals (the challenge's target info as a fingerprint of the server, the kind of
 * response the client sent and what LAN Manager authentication level sends it).
 */
final class AuthExplainer {
    private AuthExplainer() {
    }

    static List<String> explain(AuthBlob b, boolean fromServer) {
        List<String> out = new ArrayList<>();
        b.problem().ifPresent(p -> out.add("The security blob did not decode: " + p));
        if (!b.mechs().isEmpty()) {
            out.add((fromServer ? "SPNEGO: the server offers " : "SPNEGO: the client proposes ")
                    + AuthBlob.mechNames(b.mechs()) + ".");
            if (fromServer) {
                out.add(b.offersKerberos()
                        ? "Kerberos is possible, but only when the client names the server by a name with a cifs/ SPN"
                                + " (an IP address has none, so a client falls back to NTLM)."
                        : "Kerberos is not offered: the server is not joined to a domain (or has no keytab); NTLM it is.");
            }
        }
        if (b.apReq().isPresent()) {
            out.add("The client sent a Kerberos AP-REQ with a ticket for " + b.apReq().get().ticket().server()
                    + ": no password crosses the wire.");
        } else if (b.krbError().isPresent()) {
            out.add("The server refused the Kerberos ticket: " + b.krbError().get().summary() + ".");
        } else if (b.krb5().isPresent() && fromServer) {
            out.add("The server accepted the Kerberos ticket (AP-REP): mutual authentication done.");
        } else if (b.kerberos() && !fromServer) {
            out.add("The client sent a Kerberos token (AP-REQ): it holds a ticket for this server's SPN.");
        }
        b.negState().ifPresent(s -> {
            if (s.equals(NegState.REJECT)) {
                out.add("SPNEGO state: reject: the server refused the mechanism or the credentials.");
            }
        });
        b.negotiate().ifPresent(n -> out.add(negotiate(n)));
        b.challenge().ifPresent(c -> out.addAll(challenge(c)));
        b.authenticate().ifPresent(a -> out.addAll(authenticate(a)));
        return out;
    }

    private static String negotiate(NegotiateMessage n) {
        return "NTLMSSP_NEGOTIATE: the client starts NTLM"
                + (n.flags().contains(NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN) ? " and asks for signing keys" : "")
                + (n.flags().contains(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)
                        ? ", with extended session security" : "") + ".";
    }

    static List<String> challenge(ChallengeMessage c) {
        List<String> out = new ArrayList<>();
        out.add("NTLMSSP_CHALLENGE: the server's 8-byte nonce; the client must prove it knows the password with it.");
        StringBuilder fp = new StringBuilder("Server fingerprint (target info):");
        TargetInfo ti = c.targetInfo() == null ? TargetInfo.EMPTY : c.targetInfo();
        append(fp, " NetBIOS name ", ti.text(AvId.MSV_AV_NB_COMPUTER_NAME));
        append(fp, ", NetBIOS domain ", ti.text(AvId.MSV_AV_NB_DOMAIN_NAME));
        append(fp, ", DNS name ", ti.text(AvId.MSV_AV_DNS_COMPUTER_NAME));
        append(fp, ", DNS domain ", ti.text(AvId.MSV_AV_DNS_DOMAIN_NAME));
        append(fp, ", forest ", ti.text(AvId.MSV_AV_DNS_TREE_NAME));
        if (c.version() != null) {
            fp.append(", OS version ").append(c.version().major()).append('.').append(c.version().minor())
                    .append(" build ").append(c.version().build()).append(" (").append(c.version().windowsName())
                    .append(c.version().major() == 6 && c.version().minor() == 1 ? "; Samba always sends 6.1" : "")
                    .append(')');
        }
        out.add(fp.append('.').toString());
        if (!c.targetName().isEmpty()) {
            out.add("Target name: " + c.targetName() + ".");
        }
        return out;
    }

    private static void append(StringBuilder sb, String label, Optional<String> v) {
        v.filter(s -> !s.isEmpty()).ifPresent(s -> sb.append(label).append(s));
    }

    static List<String> authenticate(AuthenticateMessage a) {
        List<String> out = new ArrayList<>();
        if (a.isAnonymous()) {
            out.add("NTLMSSP_AUTH: anonymous (null session): no user, no password.");
            return out;
        }
        out.add("NTLMSSP_AUTH: user " + (a.domain().isEmpty() ? "" : a.domain() + "\\") + a.user()
                + (a.workstation().isEmpty() ? "" : " from workstation " + a.workstation()) + ".");
        out.add("Response sent: " + a.responseKind() + " (" + levelFor(a.responseKind()) + ").");
        AuthBlob.targetName(a).ifPresent(t -> out.add("The client names the service it wants: " + t
                + " (servers that check 'SPN target name validation' compare it with their own names)."));
        return out;
    }

    /** Which LAN Manager authentication levels send this kind of response. */
    static String levelFor(String kind) {
        if (kind.startsWith("NTLMv2")) {
            return "sent at LAN Manager authentication level 3 and above, the Windows default";
        }
        if (kind.startsWith("NTLMv1 with")) {
            return "sent at LAN Manager authentication levels 1-2; servers set to NTLMv2 only refuse it";
        }
        if (kind.startsWith("NTLMv1")) {
            return "sent at LAN Manager authentication levels 0-2; servers set to NTLMv2 only refuse it";
        }
        if (kind.startsWith("LM")) {
            return "sent at level 0 by very old clients; refused by every modern server";
        }
        return "unknown kind";
    }
}
