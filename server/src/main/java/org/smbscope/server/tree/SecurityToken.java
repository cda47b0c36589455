package org.smbscope.server.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;

import org.smbscope.codec.dtyp.Sid;
import org.smbscope.codec.dtyp.WellKnownSids;

/**
 * Who a session is, for access checks ([MS-DTYP] 2.5.2 Token/Authorization Context): the user SID, the primary
 * group and the group SIDs, built the way Windows builds a network logon's token. The server names its users
 * in one local domain, {@link #DOMAIN}: user {@code name} is {@code DOMAIN-rid(name)}, with Domain Users (513)
 * as primary group; the guest account is Guest (501) in Domain Guests (514); an anonymous session is
 * ANONYMOUS LOGON (S-1-5-7).
 *
 * @param user         the user SID (also the owner of what the session creates)
 * @param primaryGroup the primary group (the group of what the session creates)
 * @param groups       every other SID the token holds (Everyone, Authenticated Users, ...)
 */
public record SecurityToken(Sid user, Sid primaryGroup, List<Sid> groups) {
    /** The local domain our server names its accounts in (a fixed S-1-5-21 domain SID). */
    public static final Sid DOMAIN = Sid.parse("S-1-5-21-2093414361-3385613711-1507462216");
    public static final long DOMAIN_USERS = 513;
    public static final long DOMAIN_GUESTS = 514;
    public static final long GUEST = 501;

    public SecurityToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(primaryGroup, "primaryGroup");
        groups = List.copyOf(groups);
    }

    /** The token of a session: anonymous when {@code user} is empty, the guest's when {@code guest}. */
    public static SecurityToken of(String user, boolean guest) {
        if (user == null || user.isEmpty()) {
            return anonymous();
        }
        return guest ? guest() : user(user);
    }

    /** An authenticated user's network logon token. */
    public static SecurityToken user(String name) {
        return new SecurityToken(account(rid(name)), account(DOMAIN_USERS), List.of(WellKnownSids.EVERYONE,
                WellKnownSids.USERS, WellKnownSids.NETWORK, WellKnownSids.AUTHENTICATED_USERS,
                WellKnownSids.THIS_ORGANIZATION));
    }

    /** The guest account's token (no Authenticated Users). */
    public static SecurityToken guest() {
        return new SecurityToken(account(GUEST), account(DOMAIN_GUESTS), List.of(WellKnownSids.EVERYONE,
                WellKnownSids.GUESTS, WellKnownSids.NETWORK));
    }

    /** ANONYMOUS LOGON, with Everyone as Samba gives it (Windows' "Everyone includes anonymous"). */
    public static SecurityToken anonymous() {
        return new SecurityToken(WellKnownSids.ANONYMOUS, WellKnownSids.ANONYMOUS, List.of(WellKnownSids.EVERYONE,
                WellKnownSids.NETWORK));
    }

    /** {@code DOMAIN-rid} */
    public static Sid account(long rid) {
        List<Long> subs = new ArrayList<>(DOMAIN.subAuthorities());
        subs.add(rid);
        return new Sid(DOMAIN.revision(), DOMAIN.authority(), subs);
    }

    /** The RID of a user name: 1000 and above, stable for the (case-insensitive) name. */
    static long rid(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return 1000 + (crc.getValue() & 0x3FFFFFFFL);
    }

    /** Whether the token holds {@code sid} (as user, primary group or group). */
    public boolean has(Sid sid) {
        return user.equals(sid) || primaryGroup.equals(sid) || groups.contains(sid);
    }
}
