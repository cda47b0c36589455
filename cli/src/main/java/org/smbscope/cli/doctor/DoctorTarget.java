package org.smbscope.cli.doctor;

import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;

/** {@code //host[/share]} or {@code \\host[\share]}, as smbclient and Windows write it. */
record DoctorTarget(String host, String share) {
    static DoctorTarget parse(String text) {
        String s = text.replace('\\', '/');
        if (!s.startsWith("//") || s.length() == 2) {
            throw new CommandFailedException(ExitCode.USAGE, "the target is //host or //host/share, not " + text);
        }
        s = s.substring(2);
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        String share = slash < 0 ? null : s.substring(slash + 1).replaceAll("/+$", "");
        if (host.isEmpty()) {
            throw new CommandFailedException(ExitCode.USAGE, "no host in " + text);
        }
        return new DoctorTarget(host, share == null || share.isEmpty() ? null : share);
    }
}
