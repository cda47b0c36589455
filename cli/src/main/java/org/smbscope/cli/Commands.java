package org.smbscope.cli;

import java.util.List;
import java.util.function.Supplier;

/** Every top-level command, in the order {@code smbscope --help} lists them. */
final class Commands {
    private Commands() {
    }

    static List<Supplier<Object>> all() {
        return List.of(
                org.smbscope.cli.smbclient.SmbclientCommand::new,
                ExitCodesHelp::new);
    }
}
