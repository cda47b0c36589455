package org.smbscope.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Looks a user's uid up in an /etc/passwd-format file (passwd(5)): Samba's smbpasswd entries carry it. */
public final class UnixAccounts {
    private UnixAccounts() {
    }

    public static OptionalLong uid(Path passwdFile, String user) {
        try {
            for (String line : Files.readAllLines(passwdFile)) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && f[0].equals(user)) {
                    return OptionalLong.of(Long.parseLong(f[2]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
