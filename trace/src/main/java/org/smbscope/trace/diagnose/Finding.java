package org.smbscope.trace.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * What a rule concluded: the cause in plain words, what the user sees (the Windows "System error N"
 * or the NT_STATUS a tool prints), the packets that prove it, and the fix.
 *
 * @param rule     the rule's name, e.g. "signing-mismatch"
 * @param title    one line
 * @param userSees what a user of Windows or Samba sees, or ""
 */
public record Finding(String rule, Severity severity, String title, String cause, String userSees,
                      List<Evidence> evidence, Fix fix) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(userSees, "userSees");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
    }

    /** The finding as the text report prints it. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(severity).append(" [").append(rule).append("] ").append(title).append('\n');
        sb.append("  Cause: ").append(cause).append('\n');
        if (!userSees.isEmpty()) {
            sb.append("  The user sees: ").append(userSees).append('\n');
        }
        for (Evidence e : evidence) {
            sb.append("  Evidence: ").append(e.render()).append('\n');
        }
        if (!fix.windowsPolicy().isEmpty()) {
            sb.append("  Fix (Windows policy): ").append(fix.windowsPolicy()).append('\n');
        }
        if (!fix.registry().isEmpty()) {
            sb.append("  Fix (registry): ").append(fix.registry()).append('\n');
        }
        if (!fix.smbConf().isEmpty()) {
            sb.append("  Fix (smb.conf): ").append(fix.smbConf()).append('\n');
        }
        return sb.toString();
    }
}
