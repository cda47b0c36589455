package org.smbscope.server.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.ntlm.NtlmAccounts;

/**
 * The users of {@code passdb backend = smbpasswd:PATH} as NTLM accounts. The file is read at every session
 * setup so that {@code smbscope passwd} changes apply at once. Accounts without an NT hash are not found.
 */
public final class PassdbAccounts implements NtlmAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(PassdbAccounts.class);

    private final SmbPasswdFile file;

    private PassdbAccounts(SmbPasswdFile file) {
        this.file = file;
    }

    public static PassdbAccounts load(Path path) {
        if (path == null) {
            return new PassdbAccounts(SmbPasswdFile.empty());
        }
        try {
            return new PassdbAccounts(SmbPasswdFile.read(path));
        } catch (IOException e) {
            LOG.warn("cannot read users file {}: {}", path, e.toString());
            return new PassdbAccounts(SmbPasswdFile.empty());
        }
    }

    public Optional<SmbPasswdEntry> entry(String user) {
        return file.find(user);
    }

    @Override
    public Optional<NtlmAccount> find(String domain, String user) {
        return file.find(user).filter(e -> e.ntHash() != null)
                .map(e -> new NtlmAccount(e.user(), e.ntHash(), e.lmHash()));
    }
}
