package org.smbscope.server.auth;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One line of Samba's smbpasswd file (smbpasswd(5)):
 * {@code user:uid:LMHASH:NTHASH:[UX         ]:LCT-XXXXXXXX:}. A null hash is written as
 * {@code NO PASSWORDXXXXXXXXXXXXXXXXXXXXX} (N flag) or 32 X's (unset).
 *
 * @param lmHash 16 bytes or null
 * @param ntHash 16 bytes or null
 * @param lastChange seconds since the epoch
 */
public record SmbPasswdEntry(String user, long uid, byte[] lmHash, byte[] ntHash, Set<AccountFlag> flags,
        long lastChange) {
    public SmbPasswdEntry {
        Objects.requireNonNull(user, "user");
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("invalid user name");
        }
        lmHash = check(lmHash);
        ntHash = check(ntHash);
        flags = flags.isEmpty() ? EnumSet.noneOf(AccountFlag.class) : EnumSet.copyOf(flags);
    }

    private static byte[] check(byte[] h) {
        if (h != null && h.length != 16) {
            throw new IllegalArgumentException("hash must be 16 bytes");
        }
        return h == null ? null : h.clone();
    }

    @Override
    public byte[] lmHash() {
        return lmHash == null ? null : lmHash.clone();
    }

    @Override
    public byte[] ntHash() {
        return ntHash == null ? null : ntHash.clone();
    }

    public boolean disabled() {
        return flags.contains(AccountFlag.DISABLED);
    }

    public boolean noPassword() {
        return flags.contains(AccountFlag.NO_PASSWORD);
    }

    public SmbPasswdEntry withFlags(Set<AccountFlag> newFlags) {
        return new SmbPasswdEntry(user, uid, lmHash, ntHash, newFlags, lastChange);
    }

    public SmbPasswdEntry withHashes(byte[] lm, byte[] nt, long when) {
        return new SmbPasswdEntry(user, uid, lm, nt, flags, when);
    }

    /** The file line, without the newline. */
    public String line() {
        StringBuilder fl = new StringBuilder("[");
        for (AccountFlag f : AccountFlag.values()) {
            if (flags.contains(f)) {
                fl.append(f.letter());
            }
        }
        while (fl.length() < 12) {
            fl.append(' ');
        }
        fl.append(']');
        return user + ":" + uid + ":" + hash(lmHash) + ":" + hash(ntHash) + ":" + fl + ":LCT-"
                + String.format(Locale.ROOT, "%08X", lastChange) + ":";
    }

    private String hash(byte[] h) {
        if (h == null) {
            return noPassword() ? "NO PASSWORDXXXXXXXXXXXXXXXXXXXXX" : "X".repeat(32);
        }
        return HexFormat.of().withUpperCase().formatHex(h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmbPasswdEntry e && e.line().equals(line());
    }

    @Override
    public int hashCode() {
        return line().hashCode();
    }

    @Override
    public String toString() {
        return user + " " + flags;
    }
}
