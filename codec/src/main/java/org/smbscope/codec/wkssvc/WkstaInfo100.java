package org.smbscope.codec.wkssvc;

import java.util.Objects;

/**
 * [MS-WKST] 2.2.5.1 WKSTA_INFO_100: platform id (500 = NT), computer name, domain (LAN group) name and
 * the operating system version.
 */
public record WkstaInfo100(long platformId, String computerName, String langroup, long versionMajor,
        long versionMinor) {
    public WkstaInfo100 {
        Objects.requireNonNull(computerName, "computerName");
        Objects.requireNonNull(langroup, "langroup");
    }
}
