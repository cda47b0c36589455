package org.smbscope.codec.ntlm;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.smbscope.codec.ntlm.NegotiateFlag.*;

/**
 * The client side of an NTLM handshake ([MS-NLMP] 3.1.5): {@link #negotiate()} gives the
 * NEGOTIATE message, {@link #authenticate(byte[])} turns the server's CHALLENGE into the
 * AUTHENTICATE message according to the {@link LmCompatibilityLevel}. Afterwards
 * {@link #exportedSessionKey()} is the key SMB signing derives from, and the three messages and
 * {@link #responseKind()} tell the explainer what was sent. Time and randomness are injected, so
 * a handshake is byte-for-byte reproducible. One context per authentication; not thread-safe.
 */
public final class NtlmClientContext {
    private final NtlmClientConfig config;
    private final Clock clock;
    private final RandomGenerator random;

    private byte[] negotiateBytes;
    private NegotiateMessage negotiate;
    private byte[] challengeBytes;
    private ChallengeMessage challenge;
    private byte[] authenticateBytes;
    private AuthenticateMessage authenticate;
    private ResponseKind kind;
    private byte[] exportedSessionKey;
    private byte[] sessionBaseKey;
    private Set<NegotiateFlag> negotiated;

    public NtlmClientContext(NtlmClientConfig config, Clock clock, RandomGenerator random) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** The flags this client asks for in NEGOTIATE. */
    Set<NegotiateFlag> requestedFlags() {
        EnumSet<NegotiateFlag> f = EnumSet.of(NTLMSSP_NEGOTIATE_UNICODE, NTLM_NEGOTIATE_OEM, NTLMSSP_REQUEST_TARGET,
                NTLMSSP_NEGOTIATE_SIGN, NTLMSSP_NEGOTIATE_NTLM, NTLMSSP_NEGOTIATE_ALWAYS_SIGN,
                NTLMSSP_NEGOTIATE_VERSION, NTLMSSP_NEGOTIATE_128, NTLMSSP_NEGOTIATE_56);
        if (config.level().requestsExtendedSessionSecurity()) {
            f.add(NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY);
        }
        if (!config.credentials().isAnonymous()) {
            f.add(NTLMSSP_NEGOTIATE_KEY_EXCH);
        }
        if (config.seal()) {
            f.add(NTLMSSP_NEGOTIATE_SEAL);
        }
        return f;
    }

    /** The NEGOTIATE message. */
    public byte[] negotiate() {
        if (negotiateBytes != null) {
            throw new IllegalStateException("NEGOTIATE already produced");
        }
        negotiate = new NegotiateMessage(requestedFlags(), "", "", config.version());
        negotiateBytes = negotiate.encode();
        return negotiateBytes.clone();
    }

    /** The AUTHENTICATE message answering the server's CHALLENGE. */
    public byte[] authenticate(byte[] challengeMessage) throws NtlmDecodeException {
        if (negotiateBytes == null || authenticateBytes != null) {
            throw new IllegalStateException("authenticate() comes once, after negotiate()");
        }
        NtlmMessage m = NtlmMessage.decode(challengeMessage);
        if (!(m instanceof ChallengeMessage c)) {
            throw new NtlmDecodeException("MessageType", 8, "expected a CHALLENGE message, got type " + m.messageType());
        }
        challengeBytes = challengeMessage.clone();
        challenge = c;
        negotiated = negotiatedFlags(c);
        NtlmCredentials cred = config.credentials();
        byte[] sc = c.serverChallenge();
        byte[] lm;
        byte[] nt;
        byte[] kxkey;
        boolean withMic = false;
        if (cred.isAnonymous()) {
            kind = ResponseKind.ANONYMOUS;
            lm = new byte[1];
            nt = new byte[0];
            sessionBaseKey = new byte[16];
            kxkey = new byte[16];
        } else if (config.level().sendsNtlmv2()) {
            kind = ResponseKind.NTLMV2;
            byte[] key = NtlmCrypto.ntowfv2(cred.ntHash(), cred.user(), cred.domain());
            byte[] cc = randomBytes(8);
            TargetInfo ti = c.targetInfo() == null ? TargetInfo.EMPTY : c.targetInfo();
            var serverTime = ti.find(AvId.MSV_AV_TIMESTAMP);
            long time = serverTime.map(AvPair::asLong).orElseGet(() -> FileTime.fromInstant(clock.instant()));
            withMic = config.sendMic() && serverTime.isPresent();
            if (withMic) {
                long flags = ti.find(AvId.MSV_AV_FLAGS).map(AvPair::asLong).orElse(0L);
                ti = ti.with(AvPair.flags(flags | AvPair.FLAG_MIC_PRESENT));
            }
            if (config.channelBindingsHash() != null) {
                ti = ti.with(new AvPair(AvId.MSV_AV_CHANNEL_BINDINGS, config.channelBindingsHash()));
            }
            if (config.targetSpn() != null) {
                ti = ti.with(AvPair.text(AvId.MSV_AV_TARGET_NAME, config.targetSpn()));
            }
            nt = NtlmCrypto.ntlmv2Response(key, sc, cc, time, ti.encode());
            lm = serverTime.isPresent() ? new byte[24] : NtlmCrypto.lmv2Response(key, sc, cc);
            sessionBaseKey = NtlmCrypto.sessionBaseKeyV2(key, Arrays.copyOf(nt, 16));
            kxkey = sessionBaseKey;
        } else if (negotiated.contains(NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            kind = ResponseKind.NTLM2_SESSION;
            byte[] cc = randomBytes(8);
            nt = NtlmCrypto.ntlm2SessionResponse(cred.ntHash(), sc, cc);
            lm = NtlmCrypto.ntlm2SessionLmField(cc);
            sessionBaseKey = NtlmCrypto.sessionBaseKeyV1(cred.ntHash());
            kxkey = NtlmCrypto.kxkeyV1(negotiated, sessionBaseKey, lm, sc, null);
        } else {
            nt = NtlmCrypto.ntlmv1Response(cred.ntHash(), sc);
            if (config.level().sendsLm() && cred.lmPossible()) {
                kind = ResponseKind.LM_AND_NTLMV1;
                lm = NtlmCrypto.lmResponse(cred.lmHash(), sc);
            } else {
                kind = ResponseKind.NTLMV1;
                lm = nt.clone();
                negotiated.remove(NTLMSSP_NEGOTIATE_LM_KEY);
            }
            sessionBaseKey = NtlmCrypto.sessionBaseKeyV1(cred.ntHash());
            kxkey = NtlmCrypto.kxkeyV1(negotiated, sessionBaseKey, lm, sc, cred.lmHash());
        }
        byte[] encryptedKey = new byte[0];
        if (negotiated.contains(NTLMSSP_NEGOTIATE_KEY_EXCH) && !cred.isAnonymous()) {
            byte[] rsk = randomBytes(16);
            encryptedKey = NtlmCrypto.rc4k(kxkey, rsk);
            exportedSessionKey = rsk;
        } else {
            exportedSessionKey = kxkey.clone();
        }
        AuthenticateMessage a = new AuthenticateMessage(negotiated, lm, nt, cred.domain(), cred.user(),
                config.workstation(), encryptedKey, negotiated.contains(NTLMSSP_NEGOTIATE_VERSION) ? config.version() : null,
                withMic ? new byte[16] : null);
        if (withMic) {
            byte[] mic = NtlmCrypto.mic(exportedSessionKey, negotiateBytes, challengeBytes, a.encode());
            a = a.withMic(mic);
        }
        authenticate = a;
        authenticateBytes = a.encode();
        return authenticateBytes.clone();
    }

    private Set<NegotiateFlag> negotiatedFlags(ChallengeMessage c) {
        EnumSet<NegotiateFlag> f = EnumSet.copyOf(c.flags());
        Set<NegotiateFlag> asked = requestedFlags();
        f.removeIf(flag -> !asked.contains(flag) && flag != NTLMSSP_NEGOTIATE_TARGET_INFO
                && flag != NTLMSSP_TARGET_TYPE_DOMAIN && flag != NTLMSSP_TARGET_TYPE_SERVER);
        if (f.contains(NTLMSSP_NEGOTIATE_UNICODE)) {
            f.remove(NTLM_NEGOTIATE_OEM);
        }
        if (config.credentials().isAnonymous()) {
            f.add(NTLMSSP_ANONYMOUS);
        }
        return f;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    public boolean isComplete() {
        return authenticateBytes != null;
    }

    /** The key SMB signing and the SPNEGO mechListMIC derive from; null before authenticate(). */
    public byte[] exportedSessionKey() {
        return exportedSessionKey == null ? null : exportedSessionKey.clone();
    }

    /** The session base key of [MS-NLMP] 3.3; null before authenticate(). */
    public byte[] sessionBaseKey() {
        return sessionBaseKey == null ? null : sessionBaseKey.clone();
    }

    /** The flags in the AUTHENTICATE message (what both sides use from now on). */
    public Set<NegotiateFlag> negotiatedFlags() {
        return negotiated == null ? null : EnumSet.copyOf(negotiated);
    }

    /** Signing and sealing for this session (client side); only after authenticate(). */
    public NtlmSecurity security() {
        if (exportedSessionKey == null) {
            throw new IllegalStateException("not authenticated yet");
        }
        return new NtlmSecurity(negotiated, exportedSessionKey, true);
    }

    public ResponseKind responseKind() {
        return kind;
    }

    public NegotiateMessage negotiateMessage() {
        return negotiate;
    }

    public ChallengeMessage challengeMessage() {
        return challenge;
    }

    public AuthenticateMessage authenticateMessage() {
        return authenticate;
    }

    public NtlmClientConfig config() {
        return config;
    }
}
