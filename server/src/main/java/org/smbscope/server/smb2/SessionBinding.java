package org.smbscope.server.smb2;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.auth.NtlmAcceptors;

/**
 * Binding an existing session to this connection as a new channel ([MS-SMB2] 3.3.5.5 with
 * SMB2_SESSION_FLAG_BINDING, 3.3.5.5.3 channel keys; multichannel). The checks and their statuses follow
 * Windows as smbtorture's smb2.session.bind* tests pin them (Samba answers the same): a session signing
 * with AES-GMAC only binds over a connection that negotiated AES-GMAC (REQUEST_OUT_OF_SEQUENCE), a GMAC
 * connection only binds a GMAC session (NOT_SUPPORTED), SMB 2.x connections cannot bind
 * (REQUEST_NOT_ACCEPTED), the request must be signed and the dialect and cipher must match the session's
 * (INVALID_PARAMETER), a channel that already exists is not bound again (REQUEST_NOT_ACCEPTED), guest and
 * anonymous sessions cannot be bound (NOT_SUPPORTED). The binding authenticates the same user again; its
 * session key and this connection's preauth hash give the channel's signing key (with this connection's
 * signing algorithm), which signs the final response. Replies before the channel exists are signed with the session's key.
 */
final class SessionBinding {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBinding.class);

    private final Dispatcher d;
    /** Bindings in progress on this connection, by session id. */
    private final Map<Long, InProgress> inProgress = new ConcurrentHashMap<>();

    private static final class InProgress {
        final Authenticator auth;
        PreauthHash preauth;

        InProgress(Authenticator auth, PreauthHash preauth) {
            this.auth = auth;
            this.preauth = preauth;
        }
    }

    SessionBinding(Dispatcher d) {
        this.d = d;
    }

    /** The signing algorithm id a connection's negotiation fixes (HMAC-SHA256 0, AES-CMAC 1, AES-GMAC 2). */
    static int signingAlgorithm(NegotiateOutcome neg) {
        if (neg.dialect() < 0x0300) {
            return 0;
        }
        if (neg.dialect() < 0x0311 || neg.signingAlgorithm() == null) {
            return 1;
        }
        return neg.signingAlgorithm().value();
    }

    /** The cipher id a connection's negotiation fixes (0 for none; AES-128-CCM for 3.0.x with ENCRYPTION). */
    static int cipher(NegotiateOutcome neg, org.smbscope.codec.smb2.NegotiateRequest req) {
        if (neg.dialect() == 0x0311) {
            return neg.cipher() == null ? 0 : neg.cipher().value();
        }
        if (neg.dialect() >= 0x0300 && req != null && req.capabilities().has(Capabilities.ENCRYPTION)
                && neg.response().capabilities().has(Capabilities.ENCRYPTION)) {
            return 1;
        }
        return 0;
    }

    Reply handle(byte[] msg, Smb2Header h, SessionSetupRequest req, Dispatcher.Frame f, int grant) {
        long sid = h.sessionId();
        if (sid == 0) {
            return d.error(h, NtStatus.INVALID_PARAMETER, grant, null);
        }
        Dispatcher owner = d.ctx.sessionOwners().get(sid);
        Session s = owner == null ? null : owner.sessions.get(sid);
        if (s == null || !s.valid()) {
            inProgress.remove(sid);
            return d.error(h, s == null ? NtStatus.USER_SESSION_DELETED : NtStatus.REQUEST_NOT_ACCEPTED, grant, null);
        }
        boolean signed = h.flags().isSigned();
        Session.Channel existing = s.channels.get(d);
        Smb2Signer verifier = existing != null ? existing.signer() : s.signer;
        if (signed && verifier != null && !f.encrypted() && !verifier.verify(msg, 0, msg.length)) {
            if (existing != null) {
                return d.unsignable(h, NtStatus.ACCESS_DENIED, grant);
            }
            LOG.debug("binding request from {} for session 0x{}: signature does not verify with the session's key",
                    d.peer, Long.toHexString(sid));
        }
        Smb2Signer replySigner = signed && !f.encrypted() ? s.signer : null;
        NtStatus refused = refusal(s, existing, signed);
        if (refused != null) {
            inProgress.remove(sid);
            return d.error(h, refused, grant, replySigner);
        }
        InProgress b = inProgress.computeIfAbsent(sid, k -> new InProgress(
                new Authenticator(NtlmAcceptors.context(d.ctx.config(), d.ctx.clock(), d.ctx.random()),
                        d.ctx.auth().kerberos()),
                d.negotiated().dialect() == 0x0311 ? d.connectionPreauth() : null));
        synchronized (b) {
            if (b.preauth != null) {
                b.preauth = b.preauth.update(msg);
            }
            Authenticator.Step step;
            try {
                step = b.auth.accept(req.securityBuffer());
            } catch (Authenticator.Malformed e) {
                inProgress.remove(sid);
                return d.error(h, NtStatus.INVALID_PARAMETER, grant, replySigner);
            }
            if (!step.finished()) {
                byte[] more = Dispatcher.send(Smb2Header.responseTo(h, NtStatus.MORE_PROCESSING_REQUIRED, grant),
                        new SessionSetupResponse(SessionFlags.NONE, step.token()), null).bytes();
                if (replySigner != null) {
                    // signed here, not when sent: the 3.1.1 preauth hash covers the response as sent
                    more[16] |= 0x08;
                    replySigner.sign(more, 0, more.length);
                }
                if (b.preauth != null) {
                    b.preauth = b.preauth.update(more);
                }
                return new Reply.Send(more, null);
            }
            inProgress.remove(sid);
            Optional<byte[]> key = sameUser(s, step);
            if (key.isEmpty()) {
                NtStatus st = step.refused() != null ? step.refused()
                        : step.result() instanceof NtlmAuthResult.Failure ? NtStatus.LOGON_FAILURE : NtStatus.ACCESS_DENIED;
                return d.error(h, st, grant, replySigner);
            }
            Smb2Signer channelSigner = channelSigner(s, key.get(), b.preauth);
            s.channels.put(d, new Session.Channel(channelSigner));
            d.sessions.put(s.id, s);
            LOG.debug("session 0x{} of {} bound to a new channel from {}", Long.toHexString(sid), s.user, d.peer);
            return Dispatcher.send(Smb2Header.responseTo(h, NtStatus.SUCCESS, grant),
                    new SessionSetupResponse(SessionFlags.NONE, step.token()), channelSigner);
        }
    }

    /** Why {@code s} cannot be bound to this connection, or null. */
    private NtStatus refusal(Session s, Session.Channel existing, boolean signed) {
        NegotiateOutcome neg = d.negotiated();
        int connAlg = signingAlgorithm(neg);
        if (s.signingAlgorithm >= 2 && connAlg != s.signingAlgorithm) {
            return NtStatus.REQUEST_OUT_OF_SEQUENCE;
        }
        if (connAlg >= 2 && s.signingAlgorithm != connAlg) {
            return NtStatus.NOT_SUPPORTED;
        }
        if (neg.dialect() < 0x0300) {
            return NtStatus.REQUEST_NOT_ACCEPTED;
        }
        if (!signed) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (s.dialect != neg.dialect() || s.cipher != cipher(neg, d.negotiateRequest())) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (existing != null) {
            return NtStatus.REQUEST_NOT_ACCEPTED;
        }
        if (s.guest || s.anonymous || s.signer == null) {
            return NtStatus.NOT_SUPPORTED;
        }
        return null;
    }

    /** The new session key when the binding authenticated the session's own user. */
    private Optional<byte[]> sameUser(Session s, Authenticator.Step step) {
        if (step.refused() != null) {
            return Optional.empty();
        }
        if (step.kerberos() != null) {
            return step.kerberos().user().equalsIgnoreCase(s.user) ? Optional.of(step.kerberos().sessionKey())
                    : Optional.empty();
        }
        if (step.result() instanceof NtlmAuthResult.Success ok && !ok.anonymous() && ok.user().equalsIgnoreCase(s.user)) {
            return Optional.of(ok.sessionKey());
        }
        return Optional.empty();
    }

    /** [MS-SMB2] 3.3.5.5.3: the channel's signing key from the binding's session key (and 3.1.1 preauth hash). */
    private Smb2Signer channelSigner(Session s, byte[] sessionKey, PreauthHash preauth) {
        NegotiateOutcome neg = d.negotiated();
        CipherId cipher = s.cipher == 0 ? null : CipherId.fromWire(s.cipher).orElse(null);
        Smb3Keys keys = Smb3Keys.derive(neg.dialect(), cipher, sessionKey, preauth).forServer();
        org.smbscope.codec.crypto.SigningAlgorithm alg = neg.dialect() == 0x0311
                ? org.smbscope.codec.crypto.SigningAlgorithm.fromWire(signingAlgorithm(neg))
                        .orElse(org.smbscope.codec.crypto.SigningAlgorithm.AES_CMAC)
                : null;
        return Smb2Signer.of(keys, alg);
    }
}
