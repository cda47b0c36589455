package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.explain.AuthBlob;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * NTLM level mismatch. Evidence: SESSION_SETUP requests carrying an NTLMSSP_AUTH (or an SMB1
 * non-extended session setup) with an LM or NTLMv1 response, and their responses. A failure
 * (LOGON_FAILURE, ACCESS_DENIED) means the server accepts only NTLMv2: ERROR. Success means the
 * server still takes NTLMv1: WARNING (weak, and breaks once the server is hardened).
 */
final class NtlmLevelRule implements Rule {
    static final Fix FIX = new Fix(
            Fix.SECURITY_OPTIONS + "\"Network security: LAN Manager authentication level\" = \"Send NTLMv2 response only\""
                    + " on the client (and \"Refuse LM & NTLM\" on servers/DCs once no client needs NTLMv1)",
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa LmCompatibilityLevel=3 (client) .. 5 (server/DC)",
            "client: client ntlmv2 auth = yes, client lanman auth = no; server: ntlm auth = ntlmv2-only"
                    + " (ntlmv1-permitted only as a stopgap for old clients)");

    @Override
    public String name() {
        return "ntlm-level";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (Message req : o.messages()) {
            Optional<String> kind = weakKind(req);
            if (kind.isEmpty()) {
                continue;
            }
            Optional<Message> resp = o.responseTo(req);
            Optional<NtStatus> st = resp.flatMap(Message::status);
            if (o.isProbe(req)) {
                if (st.isPresent() && st.get().isError()) {
                    out.add(new Finding(name(), Severity.INFO, "The server refuses NTLMv1: clients at LAN Manager"
                            + " authentication level 0-2 cannot log on",
                            "The doctor tried an NTLMv1 response on purpose and the server refused it with "
                                    + st.get().name() + ". Good for security; old clients must send NTLMv2.",
                            "System error 1326 has occurred. The user name or password is incorrect.",
                            List.of(Evidence.of(resp.get(), "the server answers " + st.get().name())), FIX));
                } else if (st.isPresent() && st.get().isSuccess()) {
                    out.add(new Finding(name(), Severity.WARNING, "The server still accepts NTLMv1",
                            "The doctor tried an NTLMv1 response on purpose and the server accepted it: a captured"
                                    + " NTLMv1 exchange can be cracked offline.", "",
                            List.of(Evidence.of(resp.get(), "the server answers " + st.get().name())), FIX));
                }
                continue;
            }
            if (st.isPresent() && (st.get().equals(NtStatus.LOGON_FAILURE) || st.get().equals(NtStatus.ACCESS_DENIED)
                    || st.get().equals(NtStatus.WRONG_PASSWORD))) {
                out.add(new Finding(name(), Severity.ERROR, "The client sent " + kind.get()
                        + " and the server refused it: the server accepts NTLMv2 only",
                        "The LAN Manager authentication level decides which response a client sends; this client"
                                + " sent " + kind.get() + " (level 0-2). The server (ntlm auth = ntlmv2-only, or"
                                + " LmCompatibilityLevel 5 on the DC) refuses it with " + st.get().name()
                                + ", which looks exactly like a wrong password.",
                        "System error 1326 has occurred. The user name or password is incorrect. (NT_STATUS_LOGON_FAILURE)",
                        List.of(Evidence.of(req, "the client's response is " + kind.get()),
                                Evidence.of(resp.get(), "the server answers " + st.get().name())), FIX));
            } else if (st.isPresent() && st.get().isSuccess()) {
                out.add(new Finding(name(), Severity.WARNING, "The client authenticated with " + kind.get(),
                        "NTLMv1 and LM responses can be cracked offline; the server still accepts them, but a server"
                                + " or DC hardened to NTLMv2 only will refuse this client.",
                        "", List.of(Evidence.of(req, "the client's response is " + kind.get())), FIX));
            }
        }
        return out;
    }

    /** "NTLMv1" or "LM only" when the request carries such a response. */
    static Optional<String> weakKind(Message m) {
        String kind = null;
        if (m.decoded() instanceof Smb2Packet p && p.header().command().equals(Smb2Command.SESSION_SETUP)
                && p.message() instanceof SessionSetupRequest r) {
            kind = AuthBlob.parse(r.securityBuffer()).authenticate().map(AuthenticateMessage::responseKind).orElse(null);
        } else if (m.decoded() instanceof Smb1Part p && p.message() instanceof SessionSetupAndXRequest r) {
            if (r.isExtended()) {
                kind = AuthBlob.parse(r.securityBlob()).authenticate().map(AuthenticateMessage::responseKind).orElse(null);
            } else if (r.ntResponse().length == 24) {
                kind = "NTLMv1";
            } else if (r.ntResponse().length == 0 && r.lmResponse().length == 24) {
                kind = "LM only";
            }
        }
        return Optional.ofNullable(kind).filter(k -> k.startsWith("NTLMv1") || k.startsWith("LM"));
    }
}
