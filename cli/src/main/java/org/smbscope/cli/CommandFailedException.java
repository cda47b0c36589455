package org.smbscope.cli;

/** A command's expected failure: a message for the user and the exit code to end with. */
public final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public CommandFailedException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandFailedException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
