package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Sentences;
import org.smbscope.trace.explain.Smb1Part;

/**
 * A finding for responses with given statuses: no such share (BAD_NETWORK_NAME on tree connect)
 * and access denied (ACCESS_DENIED / NETWORK_ACCESS_DENIED on session setup, tree connect or
 * create). Evidence: the responses and the requests they answer (for the path).
 */
final class StatusRule implements Rule {
    private final String name;
    private final Set<NtStatus> statuses;
    private final String title;
    private final String cause;
    private final Fix fix;

    private StatusRule(String name, Set<NtStatus> statuses, String title, String cause, Fix fix) {
        this.name = name;
        this.statuses = statuses;
        this.title = title;
        this.cause = cause;
        this.fix = fix;
    }

    static StatusRule noSuchShare() {
        return new StatusRule("no-such-share", Set.of(NtStatus.BAD_NETWORK_NAME), "No such share",
                "The server has no share by that name (or hides it from this user): a typo, a share that was removed"
                        + " or renamed, or a share defined in a section the server did not load.",
                new Fix("List the shares: net view \\\\server (or Computer Management > Shared Folders); create it with"
                        + " New-SmbShare / net share", "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Shares",
                        "add a [share] section with path = ...; 'testparm -s' shows the loaded shares;"
                                + " 'smbclient -L //server' lists them"));
    }

    static StatusRule accessDenied() {
        return new StatusRule("access-denied", Set.of(NtStatus.ACCESS_DENIED, NtStatus.NETWORK_ACCESS_DENIED),
                "Access denied",
                "The server knows the user but refuses this request: share permissions or file ACLs, \"valid users\","
                        + " a read-only share, \"hosts allow\", or a policy (encryption or signing required) the"
                        + " client does not meet.",
                new Fix("Check the share permissions (Get-SmbShareAccess) and the NTFS ACL of the folder; also"
                        + " \"Network access: Restrict anonymous access to Named Pipes and Shares\" for anonymous users",
                        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa RestrictAnonymous / RestrictNullSessAccess",
                        "valid users = ..., read only = no, hosts allow = ...; check the directory's Unix permissions;"
                                + " server smb encrypt = required refuses clients older than SMB 3"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (Message m : o.messages()) {
            Optional<NtStatus> st = m.status();
            if (st.isEmpty() || !statuses.contains(st.get()) || o.isProbe(m)) {
                continue;
            }
            Optional<Message> req = o.requestOf(m);
            String what = req.map(StatusRule::describe).orElse(m.summary());
            out.add(new Finding(name, Severity.ERROR, title + ": " + what, cause,
                    st.get().win32().map(w -> "System error " + w.code() + " has occurred. " + w.message())
                            .orElse("") + " (" + st.get().sambaName() + ")",
                    List.of(Evidence.of(m, what + " answered " + Sentences.status(st.get()))), fix));
        }
        return out;
    }

    private static String describe(Message req) {
        if (req.decoded() instanceof Smb2Packet p && p.message() instanceof TreeConnectRequest t) {
            return "tree connect to " + t.path();
        }
        if (req.decoded() instanceof Smb1Part p && p.message() instanceof TreeConnectAndXRequest t) {
            return "tree connect to " + t.path();
        }
        return req.summary();
    }
}
