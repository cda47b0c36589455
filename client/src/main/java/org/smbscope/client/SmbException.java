package org.smbscope.client;

import java.io.IOException;

/**
 * The server answered a request with an error NTSTATUS ([MS-ERREF] 2.3): carries the status
 * code and name, and the Windows error it maps to (the "System error N has occurred." line).
 */
public class SmbException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String statusName;
    private final int win32Code;
    private final String win32Text;

    public SmbException(String context, int status, String statusName, int win32Code, String win32Text) {
        super(statusName + (context == null || context.isEmpty() ? "" : " " + context));
        this.status = status;
        this.statusName = statusName;
        this.win32Code = win32Code;
        this.win32Text = win32Text;
    }

    /** The 32-bit NTSTATUS value. */
    public int status() {
        return status;
    }

    /** The status as the codec's open value type (name, severity, Win32 mapping). */
    public org.smbscope.codec.status.NtStatus ntStatus() {
        return new org.smbscope.codec.status.NtStatus(status);
    }

    /** e.g. {@code NT_STATUS_LOGON_FAILURE}. */
    public String statusName() {
        return statusName;
    }

    /** The Win32 error code the status maps to (e.g. 1326), or -1 when unknown. */
    public int win32Code() {
        return win32Code;
    }

    /** The Win32 error text (e.g. "The user name or password is incorrect."), or "" when unknown. */
    public String win32Text() {
        return win32Text;
    }

    /** {@code System error 1326 has occurred.} plus the text, as Windows' {@code net} prints it. */
    public String systemErrorLine() {
        if (win32Code < 0) {
            return String.format("NTSTATUS 0x%08x has no Windows error mapping.", status);
        }
        return "System error " + win32Code + " has occurred. " + win32Text;
    }
}
