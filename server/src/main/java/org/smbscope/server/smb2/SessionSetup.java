package org.smbscope.server.smb2;

import org.smbscope.server.auth.NtlmAcceptors;
import org.smbscope.server.auth.PassdbAccounts;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.NonceSource;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.crypto.Smb3Transform;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.spnego.NegState;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.auth.KerberosAcceptor;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SpnTargetValidation;
import org.smbscope.server.config.EncryptPolicy;
import org.smbscope.server.config.NtlmAuthPolicy;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SigningPolicy;

/**
 * [MS-SMB2] 3.3.5.5 Receiving an SMB2 SESSION_SETUP Request: multi-leg NTLMSSP (through SPNEGO) with
 * STATUS_MORE_PROCESSING_REQUIRED, Kerberos in one leg when a keytab is configured ({@link AuthPolicy}; the mapped
 * user becomes the session's user, the Kerberos session key feeds signing and encryption), SPN target name
 * validation of the NTLMv2 MsvAvTargetName and of the ticket's service name (a refusal is STATUS_ACCESS_DENIED), users from the smbpasswd file, {@code map to guest}, anonymous (null)
 * sessions, the 3.1.1 preauth hash over each leg, and at the end the session's keys (3.3.5.5.3): signing
 * key, cipher keys for SMB 3.x, whether signing and encryption are required. The final response of an
 * authenticated user is signed.
 */
final class SessionSetup {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSetup.class);
    private static final int BINDING = 0x01;

    private final Dispatcher d;
    private final SessionBinding binding;

    SessionSetup(Dispatcher d) {
        this.d = d;
        this.binding = new SessionBinding(d);
    }

    Reply handle(byte[] msg, Smb2Header h, SessionSetupRequest req, Dispatcher.Frame f, int grant) {
        if ((req.flags() & BINDING) != 0) {
            return binding.handle(msg, h, req, f, grant);
        }
        NegotiateOutcome neg = d.negotiated();
        Session s;
        long sid = h.sessionId();
        if (sid == 0) {
            if (d.sessions.size() >= d.ctx.limits().maxSessionsPerConnection()) {
                return d.error(h, NtStatus.REQUEST_NOT_ACCEPTED, grant, null);
            }
            s = new Session(newSessionId());
            s.auth = new Authenticator(ntlmContext(), d.ctx.auth().kerberos());
            s.preauth = neg.dialect() == 0x0311 ? d.connectionPreauth() : null;
            d.sessions.put(s.id, s);
        } else {
            s = d.sessions.get(sid);
            if (s == null) {
                return d.unsignable(h, NtStatus.USER_SESSION_DELETED, grant);
            }
            Smb2Signer signer = s.signerOn(d);
            boolean signed = h.flags().isSigned();
            if (s.valid() && !f.encrypted() && signer != null
                    && (signed ? !signer.verify(msg, 0, msg.length) : s.signingRequired)) {
                // [MS-SMB2] 3.3.5.2.4: a re-authentication checks the channel's signature like any request
                return d.unsignable(h, NtStatus.ACCESS_DENIED, grant);
            }
        }
        s.setupLock.lock();
        try {
            return step(msg, h, req, s, neg, grant);
        } finally {
            s.setupLock.unlock();
        }
    }

    private Reply step(byte[] msg, Smb2Header h0, SessionSetupRequest req, Session s, NegotiateOutcome neg,
            int grant) {
        Smb2Header h = h0.withSessionId(s.id);
        boolean reauth = s.valid();
        if (s.auth == null) {
            s.auth = new Authenticator(ntlmContext(), d.ctx.auth().kerberos());
        }
        if (!reauth && s.preauth != null) {
            s.preauth = s.preauth.update(msg);
        }
        Authenticator.Step step;
        try {
            step = s.auth.accept(req.securityBuffer());
        } catch (Authenticator.Malformed e) {
            LOG.debug("session setup from {}: {}", d.peer, e.getMessage());
            return fail(h, s, reauth, NtStatus.INVALID_PARAMETER, grant);
        }
        if (!step.finished()) {
            byte[] bytes = Dispatcher.send(Smb2Header.responseTo(h, NtStatus.MORE_PROCESSING_REQUIRED, grant),
                    new SessionSetupResponse(SessionFlags.NONE, step.token()), null).bytes();
            if (!reauth && s.preauth != null) {
                s.preauth = s.preauth.update(bytes);
            }
            return new Reply.Send(bytes, null);
        }
        Authenticator auth = s.auth;
        s.auth = null;
        ServerConfig config = d.ctx.config();
        byte[] token = step.token();
        SessionFlags flags = SessionFlags.NONE;
        if (step.refused() != null) {
            LOG.info("session setup from {} refused ({}): {}", d.peer, step.refused().name(), step.why());
            return fail(h, s, reauth, step.refused(), grant);
        }
        if (step.kerberos() != null) {
            KerberosAcceptor.Accepted k = step.kerberos();
            Optional<SmbPasswdEntry> e = PassdbAccounts.load(config.passdbPath()).entry(k.user());
            if (e.isPresent() && e.get().disabled()) {
                return fail(h, s, reauth, NtStatus.ACCOUNT_DISABLED, grant);
            }
            String user = e.map(SmbPasswdEntry::user).orElse(k.user());
            LOG.debug("session setup from {}: Kerberos {}", d.peer, k);
            if (reauth) {
                if (!s.user.equalsIgnoreCase(user)) {
                    return fail(h, s, true, NtStatus.ACCESS_DENIED, grant);
                }
            } else {
                s.user = user;
                Optional<NtStatus> keyed = establishKeys(s, req, neg, k.sessionKey());
                if (keyed.isPresent()) {
                    return fail(h, s, false, keyed.get(), grant);
                }
                if (s.encryptData || (config.encrypt() == EncryptPolicy.DESIRED && s.transform != null)) {
                    flags = SessionFlags.ENCRYPT_DATA;
                }
            }
        } else switch (step.result()) {
            case NtlmAuthResult.Success ok when ok.anonymous() -> {
                if (reauth) {
                    return fail(h, s, true, NtStatus.ACCESS_DENIED, grant);
                }
                s.anonymous = true;
                s.guest = true;
                s.user = "";
                flags = SessionFlags.IS_NULL;
            }
            case NtlmAuthResult.Success ok -> {
                if (config.ntlmAuth() == NtlmAuthPolicy.DISABLED) {
                    return fail(h, s, reauth, NtStatus.LOGON_FAILURE, grant);
                }
                AuthenticateMessage am = auth.ntlmAuthenticate();
                if (am != null) {
                    SpnTargetValidation.Verdict v = d.ctx.auth().spn().check(am);
                    if (!v.accepted()) {
                        LOG.info("session setup from {} for {} refused: {}", d.peer, ok.user(), v.reason());
                        return fail(h, s, reauth, v.status(), grant);
                    }
                }
                Optional<SmbPasswdEntry> e = PassdbAccounts.load(config.passdbPath()).entry(ok.user());
                if (e.isPresent() && e.get().disabled()) {
                    return fail(h, s, reauth, NtStatus.ACCOUNT_DISABLED, grant);
                }
                if (reauth) {
                    if (!s.user.equalsIgnoreCase(e.map(SmbPasswdEntry::user).orElse(ok.user()))) {
                        return fail(h, s, true, NtStatus.ACCESS_DENIED, grant);
                    }
                    break;
                }
                s.user = e.map(SmbPasswdEntry::user).orElse(ok.user());
                Optional<NtStatus> keyed = establishKeys(s, req, neg, ok.sessionKey());
                if (keyed.isPresent()) {
                    return fail(h, s, false, keyed.get(), grant);
                }
                if (s.encryptData || (config.encrypt() == EncryptPolicy.DESIRED && s.transform != null)) {
                    flags = SessionFlags.ENCRYPT_DATA;
                }
            }
            case NtlmAuthResult.Failure bad -> {
                boolean guestable = config.mapToGuest().mapsToGuest(bad.reason());
                LOG.debug("session setup from {}: {} ({})", d.peer, bad.reason(), bad.detail());
                if (!guestable || reauth) {
                    NtStatus st = bad.reason() == NtlmAuthResult.Reason.ANONYMOUS_REFUSED ? NtStatus.ACCESS_DENIED
                            : NtStatus.LOGON_FAILURE;
                    return fail(h, s, reauth, st, grant);
                }
                if (config.encrypt() == EncryptPolicy.REQUIRED) {
                    return fail(h, s, false, NtStatus.ACCESS_DENIED, grant);
                }
                s.guest = true;
                s.user = config.guestAccount();
                flags = SessionFlags.IS_GUEST;
                token = token.length == 0 ? token : new NegTokenResp(NegState.ACCEPT_COMPLETED, null, null, null).encode();
            }
        }
        if (!reauth && (s.guest || s.anonymous) && config.encrypt() == EncryptPolicy.REQUIRED) {
            return fail(h, s, false, NtStatus.ACCESS_DENIED, grant);
        }
        s.preauth = null;
        s.state = Session.State.VALID;
        if (!reauth && req.previousSessionId() != 0 && req.previousSessionId() != s.id && !s.anonymous) {
            endPrevious(req.previousSessionId(), s);
        }
        s.channels.putIfAbsent(d, new Session.Channel(s.signer));
        Smb2Signer signer = s.signerOn(d);
        return Dispatcher.send(Smb2Header.responseTo(h, NtStatus.SUCCESS, grant), new SessionSetupResponse(flags, token),
                signer);
    }

    /** [MS-SMB2] 3.3.5.5.3: a previous session of the same user (on any connection) is ended. */
    private void endPrevious(long previousId, Session now) {
        Dispatcher owner = d.ctx.sessionOwners().get(previousId);
        Session old = owner == null ? null : owner.sessions.get(previousId);
        if (old != null && old.valid() && !old.anonymous && old.user.equalsIgnoreCase(now.user)) {
            LOG.debug("session 0x{} replaces 0x{} of {}", Long.toHexString(now.id), Long.toHexString(previousId), now.user);
            owner.endSession(old);
        }
    }

    /** Derives the session's keys; a status when the session cannot be allowed (encryption required, none possible). */
    private Optional<NtStatus> establishKeys(Session s, SessionSetupRequest req, NegotiateOutcome neg, byte[] sessionKey) {
        int dialect = neg.dialect();
        CipherId cipher = null;
        if (dialect == 0x0311 && neg.cipher() != null) {
            cipher = CipherId.fromWire(neg.cipher().value()).orElse(null);
        } else if (dialect >= 0x0300 && dialect < 0x0311 && d.negotiateRequest() != null
                && d.negotiateRequest().capabilities().has(Capabilities.ENCRYPTION)
                && neg.response().capabilities().has(Capabilities.ENCRYPTION)) {
            cipher = CipherId.AES_128_CCM;
        }
        Smb3Keys keys = Smb3Keys.derive(dialect, cipher, sessionKey, s.preauth).forServer();
        org.smbscope.codec.crypto.SigningAlgorithm alg = dialect == 0x0311
                ? org.smbscope.codec.crypto.SigningAlgorithm.fromWire(neg.signingAlgorithm().value())
                        .orElse(org.smbscope.codec.crypto.SigningAlgorithm.AES_CMAC)
                : null;
        s.signer = Smb2Signer.of(keys, alg);
        s.dialect = dialect;
        s.signingAlgorithm = SessionBinding.signingAlgorithm(neg);
        s.cipher = SessionBinding.cipher(neg, d.negotiateRequest());
        if (cipher != null && keys.canEncrypt()) {
            synchronized (d.ctx.random()) {
                s.transform = Smb3Transform.of(keys, NonceSource.counter(d.ctx.random()));
            }
        }
        ServerConfig config = d.ctx.config();
        s.signingRequired = config.signing() == SigningPolicy.MANDATORY
                || req.securityMode().has(SecurityMode.SIGNING_REQUIRED);
        if (config.signing() == SigningPolicy.DISABLED && !req.securityMode().has(SecurityMode.SIGNING_REQUIRED)) {
            s.signingRequired = false;
        }
        if (config.encrypt() == EncryptPolicy.REQUIRED) {
            if (s.transform == null) {
                return Optional.of(NtStatus.ACCESS_DENIED);
            }
            s.encryptData = true;
        }
        return Optional.empty();
    }

    /** A failed setup removes the session; a failed re-authentication ends the session it was for (as Samba does). */
    private Reply.Send fail(Smb2Header h, Session s, boolean reauth, NtStatus status, int grant) {
        if (reauth) {
            d.endSession(s);
        } else {
            d.sessions.remove(s.id);
            d.ctx.sessionOwners().remove(s.id, d);
        }
        s.auth = null;
        return d.error(h, status, grant, null);
    }

    private long newSessionId() {
        while (true) {
            long id;
            synchronized (d.ctx.random()) {
                id = d.ctx.random().nextLong() & 0xFFFFFFFFL; // smbtorture smb2.session-id keeps ids in 32 bits
            }
            if (id != 0 && d.ctx.sessionOwners().putIfAbsent(id, d) == null) {
                return id;
            }
        }
    }

    private NtlmServerContext ntlmContext() {
        return NtlmAcceptors.context(d.ctx.config(), d.ctx.clock(), d.ctx.random());
    }

}
