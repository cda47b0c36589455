package org.smbscope.server.smb1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.smbscope.codec.ntlm.NtlmAccounts;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SmbPasswdFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The users of {@code passdb backend = smbpasswd:PATH}, read at every session setup (as the SMB2 server does). */
final class Smb1Accounts implements NtlmAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(Smb1Accounts.class);

    private final SmbPasswdFile file;

    private Smb1Accounts(SmbPasswdFile file) {
        this.file = file;
    }

    static Smb1Accounts load(Path path) {
        if (path == null) {
            return new Smb1Accounts(SmbPasswdFile.empty());
        }
        try {
            return new Smb1Accounts(SmbPasswdFile.read(path));
        } catch (IOException e) {
            LOG.warn("cannot read users file {}: {}", path, e.toString());
            return new Smb1Accounts(SmbPasswdFile.empty());
        }
    }

    Optional<SmbPasswdEntry> entry(String user) {
        return file.find(user);
    }

    @Override
    public Optional<NtlmAccount> find(String domain, String user) {
        return file.find(user).filter(e -> e.ntHash() != null)
                .map(e -> new NtlmAccount(e.user(), e.ntHash(), e.lmHash()));
    }
}
