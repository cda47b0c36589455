package org.smbscope.client.auth;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Our own JAAS login with the JDK's {@code Krb5LoginModule}, configured in code (no JAAS file, no
 * system property): from a ticket cache, a keytab, or a password given to a callback handler
 * (nothing is written to disk). {@code refreshKrb5Config} makes every login re-read krb5.conf.
 *
 * <p>The JDK reads krb5.conf from the {@code java.security.krb5.conf} system property, which is
 * process-wide: {@link #useKrb5Conf} sets it when a file is given (or {@code KRB5_CONFIG} is set).
 */
public final class KerberosLogin {
    private static final String MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    private KerberosLogin() {
    }

    /** Points the JDK at {@code krb5Conf}, or at {@code $KRB5_CONFIG} when null and set. */
    public static synchronized void useKrb5Conf(Path krb5Conf) {
        String path = krb5Conf != null ? krb5Conf.toAbsolutePath().toString() : null;
        if (path == null) {
            String env = System.getenv("KRB5_CONFIG");
            if (env != null && !env.isBlank()) {
                path = env.split(":")[0];
            }
        }
        if (path != null) {
            System.setProperty("java.security.krb5.conf", path);
        }
    }

    /** Credentials from a ticket cache (null: KRB5CCNAME or the default cache). */
    public static Subject fromCache(Path ccache, String principal) throws LoginException {
        Map<String, String> o = base();
        o.put("useTicketCache", "true");
        o.put("doNotPrompt", "true");
        if (ccache != null) {
            o.put("ticketCache", ccache.toString());
        }
        if (principal != null && !principal.isEmpty()) {
            o.put("principal", principal);
        }
        return login(o, null, null);
    }

    /** Credentials from a client keytab. */
    public static Subject fromKeytab(Path keytab, String principal, boolean acceptor) throws LoginException {
        Map<String, String> o = base();
        o.put("useKeyTab", "true");
        o.put("keyTab", keytab.toAbsolutePath().toString());
        o.put("doNotPrompt", "true");
        if (principal != null) {
            o.put("principal", principal);
        }
        if (acceptor) {
            o.put("isInitiator", "false");
            o.put("storeKey", "true");
        }
        return login(o, null, null);
    }

    /** A password login (AS exchange) for {@code principal}; the password goes only to the callback. */
    public static Subject withPassword(String principal, char[] password) throws LoginException {
        Map<String, String> o = base();
        o.put("principal", principal);
        return login(o, principal, password.clone());
    }

    private static Map<String, String> base() {
        Map<String, String> o = new HashMap<>();
        o.put("refreshKrb5Config", "true");
        return o;
    }

    private static Subject login(Map<String, String> options, String name, char[] password) throws LoginException {
        AppConfigurationEntry entry = new AppConfigurationEntry(MODULE,
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String n) {
                return new AppConfigurationEntry[] {entry};
            }
        };
        Subject subject = new Subject();
        LoginContext lc = new LoginContext("smbscope", subject, callbacks -> {
            for (Callback cb : callbacks) {
                if (cb instanceof NameCallback nc && name != null) {
                    nc.setName(name);
                } else if (cb instanceof PasswordCallback pc && password != null) {
                    pc.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(cb, "no " + cb.getClass().getSimpleName()
                            + " answer (no password given)");
                }
            }
        }, config);
        try {
            lc.login();
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
        return subject;
    }
}
