package org.smbscope.server.browse;

import java.util.Objects;

/**
 * One workgroup (domain) of the browse list, as a DomainAnnouncement described it ([MS-BRWS] 2.2.7): its
 * name, its local master browser and the SV_TYPE bits announced (SV_TYPE_DOMAIN_ENUM and the master's bits).
 */
public record BrowseWorkgroup(String name, String master, long type) {
    public BrowseWorkgroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(master, "master");
        type &= 0xFFFF_FFFFL;
    }
}
