package org.smbscope.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One share section of smb.conf.
 *
 * @param validUsers empty means everybody who authenticated (or guest when {@code guestOk})
 */
public record ShareConfig(String name, Path path, String comment, boolean readOnly, boolean guestOk,
        List<String> validUsers, boolean browseable, EncryptPolicy encrypt) {
    public ShareConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        comment = comment == null ? "" : comment;
        validUsers = List.copyOf(validUsers);
        Objects.requireNonNull(encrypt, "encrypt");
    }
}
