package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Detail;

/** BecomeBackup (opcode 11), [MS-BRWS] 2.2.8: the master tells a potential browser to become a backup. */
public record BecomeBackup(String browserToPromote) implements BrowserMessage {
    @Override
    public int opcode() {
        return 11;
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", "Become Backup (0x0b)")
                .field("Browser to Promote", browserToPromote);
    }
}
