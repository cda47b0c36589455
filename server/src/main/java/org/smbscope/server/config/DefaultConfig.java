package org.smbscope.server.config;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded configuration used when no smb.conf is given: a writable guest share on loopback. */
public final class DefaultConfig {
    private DefaultConfig() {
    }

    /** The smb.conf text of the default, with the demo share at {@code demoDir}. */
    public static String text(Path demoDir) {
        return """
                [global]
                   netbios name = SMBSCOPE
                   workgroup = WORKGROUP
                   interfaces = 127.0.0.1
                   bind interfaces only = yes
                   smb ports = 445
                   map to guest = bad user
                   server signing = auto

                [demo]
                   path = %s
                   comment = smbscope demo share
                   read only = no
                   guest ok = yes
                """.formatted(demoDir);
    }

    public static ServerConfig load(Path demoDir) throws IOException {
        return SmbConfParser.parse(text(demoDir), demoDir);
    }
}
