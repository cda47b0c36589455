package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Detail;

/** AnnouncementRequest (opcode 2), [MS-BRWS] 2.2.2: asks hosts to announce themselves. */
public record AnnouncementRequest(String responseName) implements BrowserMessage {
    @Override
    public int opcode() {
        return 2;
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", "Announcement Request (0x02)")
                .field("Response Computer Name", responseName);
    }
}
