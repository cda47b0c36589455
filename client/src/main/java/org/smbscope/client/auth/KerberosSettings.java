package org.smbscope.client.auth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a client session uses Kerberos.
 *
 * @param mode        off, desired (fall back to NTLM) or required
 * @param krb5Conf    the krb5.conf to use; null: {@code KRB5_CONFIG}, then the JDK's default
 *                    ({@code java.security.krb5.conf}, then /etc/krb5.conf)
 * @param ccache      a ticket cache ({@code FILE:} prefix allowed); null: the credentials' password
 *                    if any, else {@code KRB5CCNAME} / the default cache
 * @param keytab      a client keytab (with {@code principal} or the user name); null: none
 * @param principal   the client principal for a keytab login; null: the user name
 * @param tryIpAddress ask the KDC for {@code cifs/<address>} even when the server was given as an IP
 *                    address (Windows' TryIPSPN); off by default, as Samba and Windows do
 * @param notices     receives one line when Kerberos is skipped or fails and NTLM is used instead
 */
public record KerberosSettings(KerberosMode mode, Path krb5Conf, Path ccache, Path keytab, String principal,
        boolean tryIpAddress, Consumer<String> notices) {

    public KerberosSettings {
        Objects.requireNonNull(mode, "mode");
        notices = notices == null ? s -> { } : notices;
    }

    public static KerberosSettings off() {
        return new KerberosSettings(KerberosMode.OFF, null, null, null, null, false, null);
    }

    public static KerberosSettings of(KerberosMode mode) {
        return new KerberosSettings(mode, null, null, null, null, false, null);
    }

    public KerberosSettings withKrb5Conf(Path v) {
        return new KerberosSettings(mode, v, ccache, keytab, principal, tryIpAddress, notices);
    }

    public KerberosSettings withCcache(Path v) {
        return new KerberosSettings(mode, krb5Conf, v, keytab, principal, tryIpAddress, notices);
    }

    public KerberosSettings withKeytab(Path v, String p) {
        return new KerberosSettings(mode, krb5Conf, ccache, v, p, tryIpAddress, notices);
    }

    public KerberosSettings withTryIpAddress(boolean v) {
        return new KerberosSettings(mode, krb5Conf, ccache, keytab, principal, v, notices);
    }

    public KerberosSettings withNotices(Consumer<String> v) {
        return new KerberosSettings(mode, krb5Conf, ccache, keytab, principal, tryIpAddress, v);
    }
}
