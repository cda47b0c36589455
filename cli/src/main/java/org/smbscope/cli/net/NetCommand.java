package org.smbscope.cli.net;

import picocli.CommandLine.Command;

/** {@code smbscope net}: Windows' {@code net} verbs over the wire; today {@code net view}. */
@Command(name = "net", mixinStandardHelpOptions = true, subcommands = NetViewCommand.class,
        description = {"Windows' net command: 'net view //host' lists shares, 'net view --domain [WORKGROUP]' the servers",
                "of a workgroup from its master browser (NetServerEnum2 over SMB1)."})
public final class NetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
