package org.smbscope.client.auth;

import java.util.List;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.spnego.GssMechanism;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.SpnegoDecodeException;
import org.smbscope.codec.spnego.SpnegoToken;

/**
 * Chooses the SPNEGO mechanisms of one session setup from the Kerberos settings, as Samba's
 * client does: Kerberos with SPN {@code cifs/<server as typed>} (realm from krb5.conf) unless the
 * server was given as an IP address (then only with {@code tryIpAddress}, like Windows' TryIPSPN),
 * or the server does not offer it. With {@code DESIRED} a failure falls back to NTLM and the
 * reason goes to the settings' notices; with {@code REQUIRED} it is a
 * {@link KerberosAuthException} carrying the KDC's error code.
 */
public final class SessionMechanisms {
    /**
     * @param mechanisms the SPNEGO preference list
     * @param kerberos   the Kerberos mechanism when it is in the list, else null
     * @param notice     why Kerberos is not used (null when it is, or when it is off)
     */
    public record Plan(List<GssMechanism> mechanisms, KerberosMechanism kerberos, String notice) {
    }

    private SessionMechanisms() {
    }

    /**
     * @param user       the user name (may be empty: anonymous, then a ticket cache is used)
     * @param domain     the user's domain (a realm when it contains a dot)
     * @param password   the password, empty when none
     * @param serverName the server as typed (host name or address)
     * @param serverHint the NEGOTIATE response's security buffer (may be null or empty)
     * @param ntlm       makes the NTLM mechanism
     */
    public static Plan choose(KerberosSettings settings, String user, String domain, String password,
            String serverName, byte[] serverHint, Supplier<GssMechanism> ntlm) throws KerberosAuthException {
        if (settings.mode() == KerberosMode.OFF) {
            return new Plan(List.of(ntlm.get()), null, null);
        }
        String skip = null;
        if (isIpAddress(serverName) && !settings.tryIpAddress()) {
            skip = "not trying Kerberos: the server was given as an IP address (" + serverName
                    + ") and a KDC holds no SPN for addresses (ask for it with --kerberos-try-ip)";
        } else if (!offersKerberos(serverHint)) {
            skip = "not trying Kerberos: the server does not offer it in its NEGOTIATE response";
        }
        if (skip != null) {
            return fallback(settings, skip, null, null, ntlm);
        }
        String spn = "cifs/" + serverName;
        KerberosLogin.useKrb5Conf(settings.krb5Conf());
        Subject subject;
        try {
            subject = login(settings, user, domain, password);
        } catch (LoginException e) {
            return fallback(settings, "no Kerberos credentials: " + KdcErrors.describe(e), KdcErrors.find(e), e, ntlm);
        }
        KerberosMechanism krb = new KerberosMechanism(subject, spn);
        try {
            krb.prepare();
        } catch (KerberosAuthException e) {
            return fallback(settings, e.getMessage(), e.kdcError(), e, ntlm);
        }
        if (settings.mode() == KerberosMode.REQUIRED) {
            return new Plan(List.of(krb), krb, null);
        }
        return new Plan(List.of(krb, ntlm.get()), krb, null);
    }

    private static Plan fallback(KerberosSettings settings, String reason,
            org.smbscope.codec.kerberos.ErrorCode code, Throwable cause, Supplier<GssMechanism> ntlm)
            throws KerberosAuthException {
        if (settings.mode() == KerberosMode.REQUIRED) {
            throw new KerberosAuthException(reason, code, cause);
        }
        String notice = reason + "; falling back to NTLM";
        settings.notices().accept(notice);
        return new Plan(List.of(ntlm.get()), null, notice);
    }

    static Subject login(KerberosSettings settings, String user, String domain, String password)
            throws LoginException {
        String principal = principal(settings.principal() != null ? settings.principal() : user, domain);
        if (settings.keytab() != null) {
            return KerberosLogin.fromKeytab(settings.keytab(), principal, false);
        }
        if (settings.ccache() != null) {
            return KerberosLogin.fromCache(ccachePath(settings.ccache().toString()), null);
        }
        if (password != null && !password.isEmpty() && principal != null) {
            return KerberosLogin.withPassword(principal, password.toCharArray());
        }
        String env = System.getenv("KRB5CCNAME");
        return KerberosLogin.fromCache(env == null || env.isBlank() ? null : ccachePath(env), null);
    }

    /** {@code FILE:/tmp/x} → {@code /tmp/x}; the JDK reads only FILE ccaches. */
    static java.nio.file.Path ccachePath(String spec) throws LoginException {
        if (spec.startsWith("FILE:")) {
            return java.nio.file.Path.of(spec.substring(5));
        }
        int colon = spec.indexOf(':');
        if (colon > 0 && !spec.startsWith("/")) {
            throw new LoginException("ticket cache " + spec + " is not a FILE: cache (the JDK reads only those)");
        }
        return java.nio.file.Path.of(spec);
    }

    /** {@code alice} → null realm part (default realm); {@code alice@X} kept; domain with a dot becomes the realm. */
    static String principal(String user, String domain) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        if (user.contains("@")) {
            return user;
        }
        if (domain != null && domain.contains(".")) {
            return user + "@" + domain.toUpperCase(java.util.Locale.ROOT);
        }
        return user;
    }

    /** An IPv4 dotted quad or an IPv6 literal (with or without brackets). */
    public static boolean isIpAddress(String host) {
        if (host == null) {
            return false;
        }
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    static boolean offersKerberos(byte[] hint) {
        if (hint == null || hint.length == 0) {
            return true; // no hint: the client picks (RFC 4178 5)
        }
        try {
            if (SpnegoToken.decode(hint) instanceof NegTokenInit init) {
                return init.mechTypes().isEmpty() || init.mechTypes().contains(Oid.KERBEROS)
                        || init.mechTypes().contains(Oid.MS_KERBEROS);
            }
        } catch (SpnegoDecodeException e) {
            return true; // let SPNEGO report the bad hint
        }
        return true;
    }
}
