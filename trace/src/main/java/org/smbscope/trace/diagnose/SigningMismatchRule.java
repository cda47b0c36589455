package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * Signing mismatch either way. Evidence: NEGOTIATE requests and responses, SMB1 and SMB2. The
 * client requires signing (its SecurityMode or Flags2, or the doctor's policy) and the server
 * does not sign (SMB1 SecurityMode 3, SMB2 without SIGNING_ENABLED); or the SMB1 server requires
 * signing (15) and the client does not offer it and then fails. Windows reports System error 1240.
 */
final class SigningMismatchRule implements Rule {
    static final String USER_SEES = "System error 1240 has occurred. The account is not authorized to log in from"
            + " this station. (ERROR_LOGIN_WKSTA_RESTRICTION)";
    static final Fix FIX = new Fix(
            Fix.SECURITY_OPTIONS + "\"Microsoft network client: Digitally sign communications (always)\" and"
                    + " \"Microsoft network server: Digitally sign communications (always)\" / \"(if client agrees)\":"
                    + " make both sides agree (enable signing on the server rather than disabling it on the client)",
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters EnableSecuritySignature=1,"
                    + " RequireSecuritySignature; client: ...\\LanmanWorkstation\\Parameters RequireSecuritySignature",
            "server signing = auto (or mandatory); never \"disabled\" when clients require signing;"
                    + " client side: client signing = auto");

    @Override
    public String name() {
        return "signing-mismatch";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (Message req : o.smb1(NegotiateRequest.class)) {
            Smb1Part q = (Smb1Part) req.decoded();
            o.responseTo(req).ifPresent(resp -> {
                if (!(((Smb1Part) resp.decoded()).message() instanceof NegotiateResponse r) || r.isNoDialect()) {
                    return;
                }
                boolean clientRequires = q.header().flags2().has(Smb1Flags2.SMB_SECURITY_SIGNATURE_REQUIRED)
                        || o.policy().requireSigning();
                boolean clientCan = q.header().flags2().has(Smb1Flags2.SMB_SECURITY_SIGNATURE) || clientRequires;
                if (clientRequires && !r.securityMode().signingEnabled()) {
                    out.add(finding(o, resp, "The client requires signing but the SMB1 server does not sign"
                            + " (SecurityMode " + r.securityMode().value() + ")",
                            "The server's SecurityMode " + r.securityMode().value() + " has bit 2 (signing enabled) clear:"
                                    + " it will not sign, and a client set to \"Digitally sign communications (always)\""
                                    + " ends the session."));
                } else if (r.securityMode().signingRequired() && !clientCan && sessionFails(o, resp)) {
                    out.add(finding(o, resp, "The SMB1 server requires signing (SecurityMode 15) but the client"
                                    + " does not sign",
                            "The server sets bit 3 (signing required); the client's Flags2 does not offer signatures,"
                                    + " so the server refuses the session."));
                }
            });
        }
        for (Message req : o.smb2(Smb2Command.NEGOTIATE, org.smbscope.codec.smb2.NegotiateRequest.class)) {
            var q = (org.smbscope.codec.smb2.NegotiateRequest) ((Smb2Packet) req.decoded()).message();
            o.responseTo(req).ifPresent(resp -> {
                if (((Smb2Packet) resp.decoded()).message() instanceof org.smbscope.codec.smb2.NegotiateResponse r
                        && (q.securityMode().has(SecurityMode.SIGNING_REQUIRED) || o.policy().requireSigning())
                        && !r.securityMode().has(SecurityMode.SIGNING_ENABLED)) {
                    out.add(finding(o, resp, "The client requires signing but the server does not offer it",
                            "The server's SMB2 SecurityMode has SIGNING_ENABLED clear."));
                }
            });
        }
        return out;
    }

    private static boolean sessionFails(Observations o, Message negotiateResponse) {
        return o.after(negotiateResponse).stream().noneMatch(m -> m.decoded() instanceof Smb1Part p
                && p.message() instanceof org.smbscope.codec.smb1.SessionSetupAndXResponse && p.header().status() == 0);
    }

    private Finding finding(Observations o, Message m, String title, String cause) {
        String mode = m.decoded() instanceof Smb1Part p && p.message() instanceof NegotiateResponse r
                ? "SecurityMode " + r.securityMode().value() + " (" + r.securityMode().explain() + ")"
                : m.decoded() instanceof Smb2Packet p && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse r
                ? "SecurityMode " + r.securityMode() : m.summary();
        return new Finding(name(), Severity.ERROR, title, cause, USER_SEES, List.of(Evidence.of(m,
                "the server's NEGOTIATE response: " + mode)), FIX);
    }
}
