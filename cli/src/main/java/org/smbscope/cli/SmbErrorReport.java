package org.smbscope.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smbscope.client.SmbException;

/**
 * How a command reports an NT_STATUS failure: the JSON error document (with {@code --json}), and on
 * stderr the status name and the "System error N has occurred." line a Windows user would see.
 */
public final class SmbErrorReport {
    private SmbErrorReport() {
    }

    /** Reports {@code e} and returns exit code 1; {@code context} ("session setup failed") prefixes the status line. */
    public static int report(PrintWriter out, PrintWriter err, boolean json, String context, SmbException e) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", context.isEmpty() ? "failed" : context);
            m.put("status", e.statusName());
            m.put("ntstatus", String.format("0x%08x", e.status()));
            m.put("win32", e.win32Code());
            m.put("message", e.win32Text());
            out.println(new JsonOutput().write(m));
            out.flush();
        }
        err.println(context.isEmpty() ? e.statusName() : context + ": " + e.statusName());
        err.println(e.systemErrorLine());
        err.flush();
        return ExitCode.FAILED.code();
    }
}
