package org.smbscope.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Kerberos for the server, from smb.conf(5): {@code realm}, {@code kerberos method},
 * {@code dedicated keytab file} and {@code username map}. Kerberos is accepted only with a keytab
 * we can read ({@link #acceptsKerberos()}): {@code dedicated keytab} with a file, or
 * {@code system keytab} (/etc/krb5.keytab); Samba's default {@code secrets only} keeps the keys in
 * secrets.tdb, which we do not read.
 *
 * @param realm       the Kerberos realm (upper case), or "" when none
 * @param keytab      the keytab, or null
 * @param usernameMap the username map file, or null
 */
public record KerberosServerConfig(String realm, Method method, Path keytab, Path usernameMap) {
    /** {@code kerberos method}. */
    public enum Method { SECRETS_ONLY, SYSTEM_KEYTAB, DEDICATED_KEYTAB, SECRETS_AND_KEYTAB }

    public KerberosServerConfig {
        realm = realm == null ? "" : realm.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(method, "method");
    }

    public static KerberosServerConfig none() {
        return new KerberosServerConfig("", Method.SECRETS_ONLY, null, null);
    }

    public boolean acceptsKerberos() {
        return method != Method.SECRETS_ONLY && keytab != null;
    }

    /** Reads the four options from the [global] section, warning about what cannot be used. */
    static KerberosServerConfig read(Options o, java.util.List<String> warnings) {
        String realm = o.string("realm", "");
        String m = o.string("kerberosmethod", "default").strip().toLowerCase(Locale.ROOT);
        Method method = switch (m) {
            case "default", "secrets only" -> Method.SECRETS_ONLY;
            case "system keytab" -> Method.SYSTEM_KEYTAB;
            case "dedicated keytab" -> Method.DEDICATED_KEYTAB;
            case "secrets and keytab" -> Method.SECRETS_AND_KEYTAB;
            default -> {
                warnings.add("global: kerberos method '" + m + "' unknown; Kerberos off");
                yield Method.SECRETS_ONLY;
            }
        };
        String file = o.string("dedicatedkeytabfile", null);
        Path keytab = null;
        if (method == Method.DEDICATED_KEYTAB) {
            if (file == null || file.isBlank()) {
                warnings.add("global: kerberos method = dedicated keytab without 'dedicated keytab file'; Kerberos off");
            } else {
                keytab = Path.of(file.strip().startsWith("FILE:") ? file.strip().substring(5) : file.strip());
            }
        } else if (method == Method.SYSTEM_KEYTAB || method == Method.SECRETS_AND_KEYTAB) {
            keytab = Path.of("/etc/krb5.keytab");
        }
        if (keytab != null && realm.isBlank()) {
            warnings.add("global: Kerberos keytab given but no 'realm'; principals are not mapped by realm");
        }
        String map = o.string("usernamemap", null);
        return new KerberosServerConfig(realm, method, keytab, map == null || map.isBlank() ? null : Path.of(map.strip()));
    }
}
