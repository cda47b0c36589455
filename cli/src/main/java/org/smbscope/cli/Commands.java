package org.smbscope.cli;

import java.util.List;
import java.util.function.Supplier;

/** Every top-level command, in the order {@code smbscope --help} lists them. */
final class Commands {
    private Commands() {
    }

    static List<Supplier<Object>> all() {
        return List.of(
                DemoCommand::new,
                org.smbscope.cli.netbios.NmblookupCommand::new,
                org.smbscope.cli.netbios.NbtstatCommand::new,
                org.smbscope.cli.netbios.NameserverCommand::new,
                org.smbscope.cli.smbclient.SmbclientCommand::new,
                org.smbscope.cli.net.NetCommand::new,
                org.smbscope.cli.server.ServeCommand::new,
                org.smbscope.cli.server.PasswdCommand::new,
                org.smbscope.cli.doctor.DoctorCommand::new,
                org.smbscope.cli.doctor.AnalyzeCommand::new,
                ExitCodesHelp::new);
    }
}
