package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Detail;

/** MasterAnnouncement (opcode 13), [MS-BRWS] 2.2.11: a local master announces itself to the domain master. */
public record MasterAnnouncement(String masterBrowserServerName) implements BrowserMessage {
    @Override
    public int opcode() {
        return 13;
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", "Master Announcement (0x0d)")
                .field("Master Browser Server Name", masterBrowserServerName);
    }
}
