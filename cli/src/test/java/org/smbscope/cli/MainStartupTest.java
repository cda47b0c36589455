package org.smbscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link Main#commandLine(String)}: only the command asked for is modelled, all of them otherwise. */
class MainStartupTest {
    @Test
    void aNamedCommandIsBuiltAlone() {
        CommandLine cl = Main.commandLine("analyze");
        assertThat(cl.getSubcommands().keySet()).contains("analyze").doesNotContain("serve", "smbclient", "nmblookup");
    }

    @Test
    void anythingElseGetsEveryCommand() {
        for (String first : new String[] {null, "help", "--help", "no-such-command"}) {
            CommandLine cl = Main.commandLine(first);
            assertThat(cl.getSubcommands().keySet()).contains("analyze", "serve", "smbclient", "nmblookup", "help");
        }
        assertThat(Main.commandLine().getSubcommands()).hasSameSizeAs(Main.commandLine(null).getSubcommands());
    }
}
