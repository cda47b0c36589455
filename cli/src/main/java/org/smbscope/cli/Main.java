package org.smbscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The launcher's entry point: {@code smbscope COMMAND [OPTIONS]}. Commands are registered in
 * {@link Commands}; exceptions become the documented {@link ExitCode}s.
 */
@Command(name = "smbscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = HelpCommand.class,
        description = "Windows file sharing on the wire: NetBIOS, SMB1, SMB2/3, NTLMSSP, SPNEGO, Kerberos.",
        footer = {"", "Run 'smbscope help COMMAND' for a command's options; 'smbscope exit-codes' for exit codes."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every command registered. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the command named {@code name} registered when there is one by that name
     * (picocli's model of every command and option costs a few hundred ms of start-up), else with all.
     */
    static CommandLine commandLine(String name) {
        CommandLine cl = new CommandLine(new Main());
        List<Object> commands = new java.util.ArrayList<>();
        Object named = null;
        for (Supplier<Object> command : Commands.all()) {
            Object c = command.get();
            commands.add(c);
            Command a = c.getClass().getAnnotation(Command.class);
            if (name != null && a != null && (a.name().equals(name) || List.of(a.aliases()).contains(name))) {
                named = c;
            }
        }
        for (Object c : named != null ? List.of(named) : commands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof CommandFailedException cfe) {
                err.println(line.getCommandName() + ": " + cfe.getMessage());
                return cfe.exitCode().code();
            }
            err.println(line.getCommandName() + ": internal error: " + ex);
            ex.printStackTrace(err);
            return ExitCode.INTERNAL.code();
        });
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException
                ? ExitCode.USAGE.code() : ExitCode.INTERNAL.code());
        return cl;
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(List<String> args) {
        return commandLine().execute(args.toArray(String[]::new));
    }

    public static void main(String[] args) {
        System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
    }
}
