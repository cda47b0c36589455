package org.smbscope.cli;

/**
 * The process exit codes of every smbscope command, documented in {@code docs/CLI.md} and
 * printed by {@code smbscope help exit-codes}.
 */
public enum ExitCode {
    OK(0, "success"),
    FAILED(1, "the operation failed: the peer said no (an NT_STATUS error, a negative name response) or nothing was found"),
    USAGE(2, "the command line is wrong (unknown option, missing argument)"),
    NETWORK(3, "no answer or no connection (timeout, connection refused, unreachable)"),
    PROTOCOL(4, "the peer sent something malformed or unexpected (a decode error)"),
    INTERNAL(70, "a bug in smbscope (please report it with the stack trace from -d 10)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
