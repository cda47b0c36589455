package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Sentences;
import org.smbscope.trace.explain.Smb1Part;

/**
 * Logon failure. Evidence: SESSION_SETUP responses with a logon status (LOGON_FAILURE,
 * WRONG_PASSWORD, NO_SUCH_USER, ACCOUNT_DISABLED, ACCOUNT_LOCKED_OUT, PASSWORD_EXPIRED,
 * ACCOUNT_RESTRICTION, INVALID_LOGON_HOURS, INVALID_WORKSTATION), unless the request carried an
 * LM/NTLMv1 response (then {@link NtlmLevelRule} explains it).
 */
final class LogonFailureRule implements Rule {
    static final Set<NtStatus> LOGON = Set.of(NtStatus.LOGON_FAILURE, NtStatus.WRONG_PASSWORD, NtStatus.NO_SUCH_USER,
            NtStatus.ACCOUNT_DISABLED, NtStatus.ACCOUNT_LOCKED_OUT, NtStatus.PASSWORD_EXPIRED,
            NtStatus.ACCOUNT_RESTRICTION, NtStatus.INVALID_LOGON_HOURS, NtStatus.INVALID_WORKSTATION);

    @Override
    public String name() {
        return "logon-failure";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (Message m : o.messages()) {
            boolean sessionSetup = m.decoded() instanceof Smb2Packet p && p.isResponse()
                    && p.header().command().equals(Smb2Command.SESSION_SETUP)
                    || m.decoded() instanceof Smb1Part q && q.header().isReply()
                    && q.message().command().value() == 0x73;
            if (!sessionSetup || o.isProbe(m) || m.status().filter(LOGON::contains).isEmpty()) {
                continue;
            }
            if (o.requestOf(m).flatMap(NtlmLevelRule::weakKind).isPresent()) {
                continue;
            }
            NtStatus st = m.status().get();
            out.add(new Finding(name(), Severity.ERROR, "Logon failed: " + st.sambaName(),
                    "The server did not accept the user name and password (" + st.name() + "): a wrong password, an"
                            + " unknown user (with \"map to guest = never\"), a wrong domain, or an account that is"
                            + " disabled, locked or expired. The server does not say which, on purpose.",
                    m.status().get().win32().map(w -> "System error " + w.code() + " has occurred. " + w.message())
                            .orElse(st.sambaName()) + " (" + st.sambaName() + ")",
                    List.of(Evidence.of(m, "SESSION_SETUP answered " + Sentences.status(st))), new Fix(
                            "Check the account in Active Directory Users and Computers / Local Users and Groups;"
                                    + " enter DOMAIN\\user (or user@domain) explicitly",
                            "", "check the user with 'pdbedit -L -v' and reset with 'smbpasswd -a user';"
                            + " the server's log (log level = 3) names the exact reason")));
        }
        return out;
    }

}
