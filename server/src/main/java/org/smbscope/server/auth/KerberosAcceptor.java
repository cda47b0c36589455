package org.smbscope.server.auth;

import com.sun.security.jgss.ExtendedGSSContext;
import com.sun.security.jgss.InquireType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.EncryptionKey;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.smbscope.codec.kerberos.ApReq;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.codec.kerberos.GssKrb5Token;
import org.smbscope.codec.kerberos.KerberosDecodeException;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.server.config.KerberosServerConfig;

/**
 * Accepts a client's Kerberos AP-REQ (the GSS-API token SPNEGO carries in SESSION_SETUP,
 * RFC 4121 4.1) through the JDK's JGSS with the keys of our keytab (smb.conf
 * {@code kerberos method = dedicated keytab}, {@code dedicated keytab file}): any service
 * principal in the keytab is accepted. Before JGSS decrypts anything, the ticket's server name
 * (clear text in the AP-REQ, decoded by codec.kerberos) is checked by {@link SpnValidation}.
 * The client principal is mapped to a local user with the {@code username map}. The result
 * carries the session key (the context key: the acceptor subkey when JGSS makes one, as SMB
 * signing needs) and the AP-REP for mutual authentication.
 *
 * <p>One instance per server (it holds the keytab login); {@link #accept} is safe to call from
 * several threads, each call being one context.
 */
public final class KerberosAcceptor {
    private static final org.ietf.jgss.Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Pattern CODE = Pattern.compile("([A-Za-z][^()]*?) \\((\\d{1,3})\\)");

    /**
     * @param clientPrincipal  {@code alice@LAB.TEST}
     * @param user             the local user it maps to
     * @param serverPrincipal  the ticket's service, {@code cifs/fs.lab.test@LAB.TEST}
     * @param sessionKey       the key SMB derives its keys from (16 or 32 bytes)
     * @param responseToken    the GSS-API AP-REP token, or null when the client asked for no mutual authentication
     */
    public record Accepted(String clientPrincipal, String user, String serverPrincipal, byte[] sessionKey,
            byte[] responseToken) {
        public Accepted {
            sessionKey = sessionKey.clone();
            responseToken = responseToken == null ? null : responseToken.clone();
        }

        @Override
        public byte[] sessionKey() {
            return sessionKey.clone();
        }

        @Override
        public byte[] responseToken() {
            return responseToken == null ? null : responseToken.clone();
        }

        @Override
        public String toString() {
            return "Accepted[" + clientPrincipal + " as " + user + " for " + serverPrincipal + "]";
        }
    }

    private final Subject subject;
    private final String realm;
    private final UsernameMap usernameMap;
    private final SpnValidation validation;
    private final Set<String> ourNames;

    private KerberosAcceptor(Subject subject, String realm, UsernameMap usernameMap, SpnValidation validation,
            Set<String> ourNames) {
        this.subject = subject;
        this.realm = realm;
        this.usernameMap = usernameMap;
        this.validation = validation;
        this.ourNames = Set.copyOf(ourNames);
    }

    private static org.ietf.jgss.Oid oid(String s) {
        try {
            return new org.ietf.jgss.Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Logs in with the keytab as an acceptor for all its principals.
     *
     * @param krb5Conf the krb5.conf the JDK should read (sets the process-wide
     *                 {@code java.security.krb5.conf}); null leaves the JDK's choice
     * @param ourNames the names SPN validation accepts (host names, addresses)
     */
    public static KerberosAcceptor open(KerberosServerConfig config, UsernameMap usernameMap,
            SpnValidation validation, Set<String> ourNames, Path krb5Conf) throws KerberosAcceptException {
        if (!config.acceptsKerberos()) {
            throw new KerberosAcceptException("Kerberos is not configured (kerberos method " + config.method()
                    + ", keytab " + config.keytab() + ")", null, null);
        }
        if (krb5Conf != null) {
            System.setProperty("java.security.krb5.conf", krb5Conf.toAbsolutePath().toString());
        }
        Map<String, String> o = new HashMap<>();
        o.put("useKeyTab", "true");
        o.put("keyTab", config.keytab().toAbsolutePath().toString());
        o.put("principal", "*");
        o.put("isInitiator", "false");
        o.put("storeKey", "true");
        o.put("doNotPrompt", "true");
        o.put("refreshKrb5Config", "true");
        AppConfigurationEntry entry = new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, o);
        Subject subject = new Subject();
        try {
            new LoginContext("smbscope-server", subject, callbacks -> {
                throw new javax.security.auth.callback.UnsupportedCallbackException(callbacks[0]);
            }, new Configuration() {
                @Override
                public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                    return new AppConfigurationEntry[] {entry};
                }
            }).login();
        } catch (LoginException e) {
            throw new KerberosAcceptException("cannot use keytab " + config.keytab() + ": " + e.getMessage(), null, e);
        }
        return new KerberosAcceptor(subject, config.realm(), usernameMap, validation, ourNames);
    }

    /** The ticket's server principal of a GSS-API AP-REQ token, without decrypting it. */
    public static String ticketServer(byte[] krb5Token) throws KerberosAcceptException {
        try {
            if (KerberosMessage.decode(krb5Token) instanceof GssKrb5Token t && t.message() instanceof ApReq ap) {
                return ap.ticket().server();
            }
        } catch (KerberosDecodeException e) {
            throw new KerberosAcceptException("not a Kerberos AP-REQ: " + e.getMessage(), null, e);
        }
        throw new KerberosAcceptException("not a Kerberos AP-REQ token", null, null);
    }

    /** Accepts one AP-REQ token. */
    public Accepted accept(byte[] krb5Token) throws KerberosAcceptException {
        String server = ticketServer(krb5Token);
        String spn = server.contains("@") ? server.substring(0, server.lastIndexOf('@')) : server;
        if (!validation.accepts(spn, ourNames)) {
            throw new KerberosAcceptException("ticket for " + server + ", a name this server does not hold ("
                    + ourNames + ", SPN validation " + validation + ")", new ErrorCode(35), null);
        }
        try {
            return as(() -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential cred = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME, KRB5,
                        GSSCredential.ACCEPT_ONLY);
                GSSContext context = manager.createContext(cred);
                try {
                    byte[] out = context.acceptSecContext(krb5Token, 0, krb5Token.length);
                    if (!context.isEstablished()) {
                        throw new KerberosAcceptException("the Kerberos context needs more tokens", null, null);
                    }
                    String client = context.getSrcName().toString();
                    EncryptionKey key = (EncryptionKey) ((ExtendedGSSContext) context)
                            .inquireSecContext(InquireType.KRB5_GET_SESSION_KEY_EX);
                    String user = usernameMap.userFor(client, realm).orElseThrow(() -> new KerberosAcceptException(
                            client + " is from another realm than " + realm + " and the username map has no entry",
                            null, null));
                    return new Accepted(client, user, server, key.getEncoded(), out == null || out.length == 0 ? null : out);
                } finally {
                    context.dispose();
                }
            });
        } catch (KerberosAcceptException e) {
            throw e;
        } catch (Exception e) {
            ErrorCode code = find(e);
            throw new KerberosAcceptException("Kerberos ticket for " + server + " refused: "
                    + (code == null ? e.getMessage() : code + ": " + code.meaning()), code, e);
        }
    }

    private <T> T as(Callable<T> action) throws Exception {
        try {
            return Subject.callAs(subject, action);
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** The RFC 4120 error code the JDK names in its messages ("Clock skew too great (37)"). */
    static ErrorCode find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() == null) {
                continue;
            }
            Matcher m = CODE.matcher(c.getMessage());
            while (m.find()) {
                ErrorCode code = new ErrorCode(Integer.parseInt(m.group(2)));
                if (!code.meaning().isEmpty() && code.value() != 0) {
                    return code;
                }
            }
        }
        return null;
    }
}
