package org.smbscope.client.auth;

import com.sun.security.jgss.ExtendedGSSContext;
import com.sun.security.jgss.InquireType;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.EncryptionKey;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.spnego.GssException;
import org.smbscope.codec.spnego.GssMechanism;

/**
 * Kerberos V5 (RFC 4121) as a SPNEGO mechanism, through the JDK's JGSS, as the initiator: the
 * first token is the AP-REQ for the service principal (getting the service ticket from the KDC
 * with the Subject's TGT), the acceptor's AP-REP completes mutual authentication. The session
 * key is the context key, which is the acceptor's subkey when the AP-REP carries one ([MS-KILE]
 * 3.1.1.2, as SMB expects). Offered as 1.2.840.113554.1.2.2, also answering to Microsoft's OID.
 *
 * <p>{@link #prepare()} talks to the KDC before any SMB token is sent, so a caller can fall back
 * to NTLM on failure. Not thread-safe; one per session setup.
 */
public final class KerberosMechanism implements GssMechanism {
    private static final org.ietf.jgss.Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final org.ietf.jgss.Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");

    private final Subject subject;
    private final String servicePrincipal;
    private GSSContext context;
    private byte[] firstToken;
    private byte[] sessionKey;
    private String clientPrincipal;

    /**
     * @param subject          the client's credentials (from {@link KerberosLogin})
     * @param servicePrincipal {@code cifs/host} (the default realm is added) or {@code cifs/host@REALM}
     */
    public KerberosMechanism(Subject subject, String servicePrincipal) {
        this.subject = subject;
        this.servicePrincipal = servicePrincipal;
    }

    private static org.ietf.jgss.Oid oid(String s) {
        try {
            return new org.ietf.jgss.Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SPN as given. */
    public String servicePrincipal() {
        return servicePrincipal;
    }

    /** The client principal ({@code alice@LAB.TEST}), known after {@link #prepare()}. */
    public String clientPrincipal() {
        return clientPrincipal;
    }

    /**
     * Gets the service ticket and builds the AP-REQ.
     *
     * @throws KerberosAuthException with the KDC's error code when it refused (e.g. error 7 for an
     *     unknown SPN)
     */
    public byte[] prepare() throws KerberosAuthException {
        if (firstToken != null) {
            return firstToken.clone();
        }
        try {
            firstToken = as(() -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential cred = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME, KRB5,
                        GSSCredential.INITIATE_ONLY);
                clientPrincipal = cred.getName().toString();
                GSSName name = manager.createName(servicePrincipal, KRB5_PRINCIPAL);
                GSSContext c = manager.createContext(name, KRB5, cred, GSSContext.DEFAULT_LIFETIME);
                c.requestMutualAuth(true);
                c.requestInteg(true);
                c.requestConf(true);
                c.requestCredDeleg(false);
                context = c;
                byte[] t = c.initSecContext(new byte[0], 0, 0);
                return t == null ? new byte[0] : t;
            });
        } catch (Exception e) {
            throw new KerberosAuthException("Kerberos to " + servicePrincipal + " failed: " + KdcErrors.describe(e),
                    KdcErrors.find(e), e);
        }
        return firstToken.clone();
    }

    private <T> T as(Callable<T> action) throws Exception {
        try {
            return Subject.callAs(subject, action);
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @Override
    public Oid oid() {
        return Oid.KERBEROS;
    }

    @Override
    public boolean answersTo(Oid other) {
        return Oid.KERBEROS.equals(other) || Oid.MS_KERBEROS.equals(other);
    }

    @Override
    public byte[] initialToken() throws GssException {
        try {
            return prepare();
        } catch (KerberosAuthException e) {
            throw new GssException(e.getMessage(), e);
        }
    }

    @Override
    public byte[] nextToken(byte[] token) throws GssException {
        if (context == null) {
            throw new GssException("Kerberos: no context (initialToken first)");
        }
        if (context.isEstablished()) {
            return null;
        }
        try {
            byte[] out = as(() -> context.initSecContext(token, 0, token.length));
            if (context.isEstablished()) {
                EncryptionKey key = (EncryptionKey) ((ExtendedGSSContext) context)
                        .inquireSecContext(InquireType.KRB5_GET_SESSION_KEY_EX);
                sessionKey = key.getEncoded();
            }
            return out == null || out.length == 0 ? null : out;
        } catch (Exception e) {
            throw new GssException("Kerberos: the server's token was refused: " + KdcErrors.describe(e), e);
        }
    }

    @Override
    public boolean isComplete() {
        return context != null && context.isEstablished() && sessionKey != null;
    }

    @Override
    public byte[] sessionKey() {
        return sessionKey == null ? null : sessionKey.clone();
    }

    @Override
    public byte[] getMic(byte[] data) {
        if (!isComplete()) {
            return null;
        }
        try {
            return context.getMIC(data, 0, data.length, new MessageProp(0, false));
        } catch (GSSException e) {
            return null;
        }
    }

    @Override
    public boolean verifyMic(byte[] data, byte[] mic) {
        if (!isComplete()) {
            return false;
        }
        try {
            context.verifyMIC(mic, 0, mic.length, data, 0, data.length, new MessageProp(0, false));
            return true;
        } catch (GSSException e) {
            return false;
        }
    }
}
