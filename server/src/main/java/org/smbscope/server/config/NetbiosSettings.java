package org.smbscope.server.config;

import java.util.List;
import java.util.Objects;

/**
 * The NetBIOS and browsing part of an smb.conf (smb.conf(5)): whether the name and datagram services run
 * ({@code disable netbios}), extra names ({@code netbios aliases}), the comment announced to browsers
 * ({@code server string}) and the browser election settings ({@code local master}, {@code preferred master},
 * {@code domain master}, {@code os level}), plus {@code remote announce} targets (address or address/WORKGROUP)
 * that receive our host announcements by unicast.
 */
public record NetbiosSettings(boolean disableNetbios, List<String> aliases, String serverString, boolean localMaster,
        boolean preferredMaster, boolean domainMaster, int osLevel, List<String> remoteAnnounce) {
    /** Samba's defaults: NetBIOS on, a local master candidate with os level 20, not preferred, not domain master. */
    public static final NetbiosSettings DEFAULT =
            new NetbiosSettings(false, List.of(), "smbscope server", true, false, false, 20, List.of());

    public NetbiosSettings {
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(serverString, "serverString");
        remoteAnnounce = List.copyOf(remoteAnnounce);
        if (osLevel < 0 || osLevel > 255) {
            throw new IllegalArgumentException("os level must be 0..255, not " + osLevel);
        }
    }
}
