package org.smbscope.client.smb2;

import java.io.IOException;
import java.util.List;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.NegotiatedInfo;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.auth.KerberosMechanism;
import org.smbscope.client.auth.SessionMechanisms;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.NonceSource;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.crypto.SigningAlgorithm;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.crypto.Smb3Transform;
import org.smbscope.codec.ntlm.LmCompatibilityLevel;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.spnego.GssException;
import org.smbscope.codec.spnego.NtlmMechanism;
import org.smbscope.codec.spnego.SpnegoClient;
import org.smbscope.codec.status.NtStatus;

/**
 * A negotiated SMB 2/3 connection; {@link #session} runs the SPNEGO/NTLMSSP session setup loop
 * ([MS-SMB2] 3.2.5.3) and derives the session's keys.
 */
final class Smb2Established implements SmbConnection {
    final Smb2Connection connection;
    final ClientConfig config;
    final NegotiatedInfo info;
    private final PreauthHash preauth;
    private final CipherId cipher;
    private final SigningAlgorithm signing;
    private final byte[] spnegoHint;
    final boolean largeMtu;
    final String serverName;
    /** The crypto warm-up of this connection's sessions, started at NEGOTIATE ({@link #warmUpNegotiated}). */
    final CryptoWarmer warmer = new CryptoWarmer();

    Smb2Established(Smb2Connection connection, ClientConfig config, NegotiatedInfo info, PreauthHash preauth,
            CipherId cipher, SigningAlgorithm signing, byte[] spnegoHint, boolean largeMtu, String serverName) {
        this.connection = connection;
        this.config = config;
        this.info = info;
        this.preauth = preauth;
        this.cipher = cipher;
        this.signing = signing;
        this.spnegoHint = spnegoHint;
        this.largeMtu = largeMtu;
        this.serverName = serverName;
    }

    /**
     * Starts warming up what this connection's sessions will most likely protect their messages with, as the session
     * setup will decide it from the configuration and the server's answer: the cipher when encryption is wanted and
     * one was negotiated, else the signing algorithm when signing will be on. A session with no keys (guest,
     * anonymous) would not need it; the session setup's round trips hide it otherwise.
     */
    void warmUpNegotiated() {
        int dialect = info.dialect().code();
        boolean encrypt = cipher != null && (config.encryption() == Protection.REQUIRED
                || config.encryption() == Protection.DESIRED);
        boolean sign = (info.signingRequired() || config.signing() == Protection.REQUIRED
                || config.signing() == Protection.DESIRED || dialect >= 0x0311)
                && (config.signing() != Protection.OFF || info.signingRequired());
        if (encrypt) {
            warmer.sealing(cipher);
        } else if (sign) {
            warmer.signing(dialect >= 0x0311 ? signing : SigningAlgorithm.defaultFor(dialect));
        }
    }

    @Override
    public NegotiatedInfo negotiated() {
        return info;
    }

    @Override
    public SmbSession session(Credentials credentials) throws IOException {
        NtlmCredentials nc = credentials.isAnonymous() ? NtlmCredentials.anonymous()
                : credentials.ntHash() != null ? NtlmCredentials.ntHash(credentials.domain(), credentials.user(), credentials.ntHash())
                : NtlmCredentials.password(credentials.domain(), credentials.user(), credentials.password());
        NtlmClientConfig ncfg = NtlmClientConfig.defaults(nc, serverName)
                .withLevel(LmCompatibilityLevel.of(config.lmCompatibilityLevel())).withWorkstation(config.workstation());
        SessionMechanisms.Plan plan = SessionMechanisms.choose(config.kerberos(), credentials.user(),
                credentials.domain(), credentials.password(), serverName, spnegoHint,
                () -> new NtlmMechanism(new NtlmClientContext(ncfg, config.clock(), config.random())));
        SpnegoClient spnego = new SpnegoClient(plan.mechanisms());
        int dialect = info.dialect().code();
        SecurityMode mode = config.signing() == Protection.REQUIRED
                ? SecurityMode.of(SecurityMode.SIGNING_ENABLED, SecurityMode.SIGNING_REQUIRED) : SecurityMode.SIGNING_ENABLED;
        PreauthHash hash = preauth;
        long sessionId = 0;
        byte[] token;
        try {
            token = spnego.initialToken(spnegoHint.length == 0 ? null : spnegoHint);
        } catch (GssException e) {
            throw new SmbProtocolException("SPNEGO: " + e.getMessage(), e);
        }
        Incoming in;
        Smb2Packet p;
        while (true) {
            SessionSetupRequest req = new SessionSetupRequest(0, mode, Capabilities.NONE, 0, 0, token);
            in = connection.call(Outgoing.of(Requests.encode(req, sessionId, 0)));
            if (hash != null) {
                hash = hash.update(in.request());
            }
            NtStatus st = new NtStatus(in.status());
            sessionId = in.sessionId();
            if (st.equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
                if (hash != null) {
                    hash = hash.update(in.message());
                }
                p = Smb2Errors.decode(in);
                SessionSetupResponse r = (SessionSetupResponse) p.message();
                try {
                    token = spnego.nextToken(r.securityBuffer());
                } catch (GssException e) {
                    throw new SmbProtocolException("SPNEGO: " + e.getMessage(), e);
                }
                if (token == null) {
                    throw new SmbProtocolException("SPNEGO has nothing to send but the server wants more");
                }
                continue;
            }
            p = Smb2Errors.expect(in, "in session setup");
            break;
        }
        SessionSetupResponse r = (SessionSetupResponse) p.message();
        if (r.securityBuffer().length > 0) {
            try {
                spnego.nextToken(r.securityBuffer());
            } catch (GssException e) {
                throw new SmbProtocolException("SPNEGO final token: " + e.getMessage(), e);
            }
        }
        boolean guest = r.sessionFlags().has(SessionFlags.IS_GUEST);
        boolean anonymous = r.sessionFlags().has(SessionFlags.IS_NULL)
                || (credentials.isAnonymous() && !(spnego.selected() instanceof KerberosMechanism));
        boolean serverEncrypts = r.sessionFlags().has(SessionFlags.ENCRYPT_DATA);
        SessionSecurity security = null;
        byte[] key = spnego.sessionKey();
        if (!guest && !anonymous && key != null) {
            Smb3Keys keys = Smb3Keys.derive(dialect, cipher, key, hash);
            Smb2Signer signer = Smb2Signer.of(keys, dialect >= 0x0311 ? signing : null);
            Smb3Transform transform = keys.canEncrypt() && cipher != null
                    ? Smb3Transform.of(keys, NonceSource.counter(config.random())) : null;
            boolean sign = info.signingRequired() || config.signing() == Protection.REQUIRED
                    || config.signing() == Protection.DESIRED || dialect >= 0x0311;
            if (config.signing() == Protection.OFF && !info.signingRequired()) {
                sign = false;
            }
            boolean encrypt = transform != null && (serverEncrypts || config.encryption() == Protection.REQUIRED
                    || config.encryption() == Protection.DESIRED);
            if (config.encryption() == Protection.REQUIRED && transform == null) {
                throw new SmbProtocolException("encryption required but no cipher was negotiated");
            }
            security = new SessionSecurity(sessionId, signer, transform, sign, encrypt, dialect >= 0x0311, warmer);
            if (in.signed() && !security.verify(in.message())) {
                throw new SmbProtocolException("bad signature on the final SESSION_SETUP response");
            }
            if (sign && !in.signed() && !in.encrypted()) {
                throw new SmbProtocolException("final SESSION_SETUP response is not signed");
            }
            connection.register(security);
            security.warmUp(); // under way before the first transfer: it takes a few hundred ms of CPU
        } else if (config.signing() == Protection.REQUIRED || config.encryption() == Protection.REQUIRED) {
            throw new SmbProtocolException("signing/encryption required but the session is "
                    + (guest ? "a guest" : "anonymous") + " session (no keys)");
        }
        String mechanism = spnego.selected() instanceof KerberosMechanism k ? "Kerberos (" + k.clientPrincipal() + " to "
                + k.servicePrincipal() + ")" : "NTLMSSP";
        return new Smb2SessionImpl(this, sessionId, security, guest, anonymous, mechanism, plan.notice());
    }

    @Override
    public void close() {
        connection.close();
    }
}
