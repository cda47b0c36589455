package org.smbscope.server.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@code smbpasswd} / {@code smbscope passwd} does to one user (smbpasswd(8)): add, delete, disable,
 * enable, or (none of those) change an existing user's password.
 */
public enum PasswdAction {
    ADD, DELETE, DISABLE, ENABLE, CHANGE;

    /** Whether this action needs a new password. */
    public boolean needsPassword() {
        return this == ADD || this == CHANGE;
    }

    /**
     * Applies this action to {@code file}.
     *
     * @param password the new password for ADD/CHANGE (ignored otherwise)
     * @param now      seconds since the epoch, for the LCT field
     * @throws IllegalArgumentException when the user is missing (or, for ADD, nothing is wrong: ADD of an existing user changes its password, as smbpasswd -a does)
     */
    public SmbPasswdFile apply(SmbPasswdFile file, String user, String password, long now) {
        return apply(file, user, password, now, java.util.OptionalLong.empty());
    }

    /**
     * As {@link #apply(SmbPasswdFile, String, String, long)}, with the user's Unix uid for a new entry (Samba
     * ignores entries whose uid is not the Unix account's); without one, the next free uid from 1000.
     */
    public SmbPasswdFile apply(SmbPasswdFile file, String user, String password, long now, java.util.OptionalLong unixUid) {
        var existing = file.find(user);
        if (this != ADD && existing.isEmpty()) {
            throw new IllegalArgumentException("user " + user + " not found in the smbpasswd file");
        }
        return switch (this) {
            case ADD -> {
                if (existing.isPresent()) {
                    yield file.with(existing.get().withHashes(PasswordHashes.lm(password), PasswordHashes.nt(password), now));
                }
                long next = 1000;
                for (SmbPasswdEntry e : file.entries()) {
                    next = Math.max(next, e.uid() + 1);
                }
                long uid = unixUid.orElse(next);
                yield file.with(new SmbPasswdEntry(user, uid, PasswordHashes.lm(password), PasswordHashes.nt(password),
                        EnumSet.of(AccountFlag.USER), now));
            }
            case DELETE -> file.without(user);
            case DISABLE -> file.with(existing.get().withFlags(plus(existing.get().flags(), AccountFlag.DISABLED)));
            case ENABLE -> {
                Set<AccountFlag> f = EnumSet.copyOf(existing.get().flags());
                f.remove(AccountFlag.DISABLED);
                yield file.with(existing.get().withFlags(f));
            }
            case CHANGE -> {
                Set<AccountFlag> f = EnumSet.copyOf(existing.get().flags());
                f.remove(AccountFlag.NO_PASSWORD);
                yield file.with(existing.get().withHashes(PasswordHashes.lm(password), PasswordHashes.nt(password), now)
                        .withFlags(f));
            }
        };
    }

    private static Set<AccountFlag> plus(Set<AccountFlag> s, AccountFlag f) {
        Set<AccountFlag> out = EnumSet.copyOf(s);
        out.add(f);
        return out;
    }
}
