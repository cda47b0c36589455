package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.SessionSetupAndXResponse;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.explain.AuthBlob;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * Guest fallback that cannot sign. Evidence: a successful SESSION_SETUP response marked guest
 * (SMB2 SESSION_FLAG_IS_GUEST, SMB1 Action bit 0) after the client presented a user name, and
 * the NEGOTIATE messages of the same connection. A guest session has no session key, so it
 * cannot sign: ERROR when either side requires signing (Windows 11 24H2 does), otherwise WARNING
 * (Windows 10 1709+ refuses insecure guest logons; a wrong password silently becomes guest).
 */
final class GuestCannotSignRule implements Rule {
    @Override
    public String name() {
        return "guest-fallback";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (Message resp : o.messages()) {
            if (!isGuest(resp) || o.isProbe(resp)) {
                continue;
            }
            Optional<Message> req = o.requestOf(resp);
            Optional<String> user = req.flatMap(GuestCannotSignRule::user);
            if (user.isEmpty()) {
                continue; // asked for guest (-N, empty user): no fallback
            }
            boolean signingRequired = o.policy().requireSigning() || o.before(resp).stream().anyMatch(m ->
                    m.decoded() instanceof Smb2Packet p && (p.message() instanceof NegotiateRequest q
                            && q.securityMode().has(SecurityMode.SIGNING_REQUIRED)
                            || p.message() instanceof NegotiateResponse r && r.securityMode().has(SecurityMode.SIGNING_REQUIRED)));
            out.add(new Finding(name(), signingRequired ? Severity.ERROR : Severity.WARNING,
                    "The server mapped user " + user.get() + " to GUEST" + (signingRequired ? ", which cannot sign" : ""),
                    "The credentials were not accepted (unknown user or wrong password) and the server's"
                            + " \"map to guest = bad user\" turned the logon into a guest session. A guest session has"
                            + " no session key, so it cannot sign" + (signingRequired
                            ? "; signing is required here, so the connection fails." : "; Windows 10 1709+ and"
                            + " Windows 11 refuse such insecure guest logons."),
                    signingRequired ? "System error 3227320323 (STATUS_INVALID_SIGNATURE / signing required)"
                            : "System error 1272 has occurred. You can't access this shared folder because your"
                            + " organization's security policies block unauthenticated guest access.",
                    List.of(Evidence.of(resp, "SESSION_SETUP response with the guest flag")), new Fix(
                            "Give the user a real account and password. Only for legacy NAS devices: Computer"
                                    + " Configuration > Administrative Templates > Network > Lanman Workstation >"
                                    + " \"Enable insecure guest logons\" (and turn off \"Digitally sign communications"
                                    + " (always)\", which makes guest impossible)",
                            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters"
                                    + " AllowInsecureGuestAuth=1 (DWORD), RequireSecuritySignature=0",
                            "map to guest = never (a wrong password then fails clearly instead of becoming guest)")));
        }
        return out;
    }

    private static boolean isGuest(Message m) {
        if (m.decoded() instanceof Smb2Packet p && p.message() instanceof SessionSetupResponse r
                && p.header().status().isSuccess()) {
            return r.sessionFlags().has(SessionFlags.IS_GUEST);
        }
        return m.decoded() instanceof Smb1Part p && p.message() instanceof SessionSetupAndXResponse r
                && p.header().status() == 0 && r.guest();
    }

    private static Optional<String> user(Message req) {
        Optional<AuthenticateMessage> a = Optional.empty();
        if (req.decoded() instanceof Smb2Packet p && p.message() instanceof SessionSetupRequest r) {
            a = AuthBlob.parse(r.securityBuffer()).authenticate();
        } else if (req.decoded() instanceof Smb1Part p && p.message() instanceof SessionSetupAndXRequest r) {
            if (!r.isExtended()) {
                return Optional.of(r.accountName()).filter(s -> !s.isEmpty());
            }
            a = AuthBlob.parse(r.securityBlob()).authenticate();
        }
        return a.filter(x -> !x.isAnonymous()).map(AuthenticateMessage::user).filter(s -> !s.isEmpty());
    }
}
