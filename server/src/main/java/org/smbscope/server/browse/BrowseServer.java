package org.smbscope.server.browse;

import java.util.Objects;
import org.smbscope.codec.rap.ServerType;

/**
 * One server of the browse list, as its HostAnnouncement or LocalMasterAnnouncement described it
 * ([MS-BRWS] 3.3.5.2): name, SV_TYPE bits, OS version and comment. This is what NetServerEnum2
 * ([MS-RAP] 2.5.5.2, SERVER_INFO_1) returns.
 */
public record BrowseServer(String name, long type, int osMajor, int osMinor, String comment) {
    public BrowseServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(comment, "comment");
        type &= 0xFFFF_FFFFL;
    }

    public ServerType serverType() {
        return new ServerType(type);
    }
}
