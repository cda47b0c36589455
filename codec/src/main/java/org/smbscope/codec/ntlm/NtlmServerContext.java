package org.smbscope.codec.ntlm;

import static org.smbscope.codec.ntlm.NegotiateFlag.*;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The server side of an NTLM handshake ([MS-NLMP] 3.2.5): {@link #challenge(byte[])} answers a
 * NEGOTIATE with a CHALLENGE carrying our names and the injected clock's time;
 * {@link #authenticate(byte[])} verifies the AUTHENTICATE against the {@link NtlmAccounts} and the
 * {@link NtlmServerPolicy}, checks the MIC, and returns the user and session key or a typed
 * failure. One context per authentication; not thread-safe.
 */
public final class NtlmServerContext {
    private final NtlmServerConfig config;
    private final NtlmAccounts accounts;
    private final Clock clock;
    private final RandomGenerator random;

    private byte[] negotiateBytes;
    private byte[] challengeBytes;
    private ChallengeMessage challenge;
    private AuthenticateMessage authenticate;
    private Set<NegotiateFlag> negotiated;

    public NtlmServerContext(NtlmServerConfig config, NtlmAccounts accounts, Clock clock, RandomGenerator random) {
        this.config = Objects.requireNonNull(config);
        this.accounts = Objects.requireNonNull(accounts);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** The CHALLENGE answering the client's NEGOTIATE. */
    public byte[] challenge(byte[] negotiateMessage) throws NtlmDecodeException {
        NtlmMessage m = NtlmMessage.decode(negotiateMessage);
        if (!(m instanceof NegotiateMessage n)) {
            throw new NtlmDecodeException("MessageType", 8, "expected a NEGOTIATE message, got type " + m.messageType());
        }
        negotiateBytes = negotiateMessage.clone();
        EnumSet<NegotiateFlag> f = EnumSet.noneOf(NegotiateFlag.class);
        Set<NegotiateFlag> asked = n.flags();
        f.add(asked.contains(NTLMSSP_NEGOTIATE_UNICODE) ? NTLMSSP_NEGOTIATE_UNICODE : NTLM_NEGOTIATE_OEM);
        for (NegotiateFlag echo : List.of(NTLMSSP_NEGOTIATE_SIGN, NTLMSSP_NEGOTIATE_SEAL, NTLMSSP_NEGOTIATE_ALWAYS_SIGN,
                NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, NTLMSSP_NEGOTIATE_128, NTLMSSP_NEGOTIATE_56,
                NTLMSSP_NEGOTIATE_KEY_EXCH, NTLMSSP_NEGOTIATE_VERSION, NTLMSSP_REQUEST_TARGET)) {
            if (asked.contains(echo)) {
                f.add(echo);
            }
        }
        f.add(NTLMSSP_NEGOTIATE_NTLM);
        f.add(NTLMSSP_NEGOTIATE_TARGET_INFO);
        f.add(config.domainJoined() ? NTLMSSP_TARGET_TYPE_DOMAIN : NTLMSSP_TARGET_TYPE_SERVER);
        List<AvPair> pairs = new ArrayList<>();
        pairs.add(AvPair.text(AvId.MSV_AV_NB_DOMAIN_NAME, config.nbDomainName()));
        pairs.add(AvPair.text(AvId.MSV_AV_NB_COMPUTER_NAME, config.nbComputerName()));
        pairs.add(AvPair.text(AvId.MSV_AV_DNS_DOMAIN_NAME, config.dnsDomainName()));
        pairs.add(AvPair.text(AvId.MSV_AV_DNS_COMPUTER_NAME, config.dnsComputerName()));
        if (!config.dnsTreeName().isEmpty()) {
            pairs.add(AvPair.text(AvId.MSV_AV_DNS_TREE_NAME, config.dnsTreeName()));
        }
        pairs.add(AvPair.timestamp(FileTime.fromInstant(clock.instant())));
        byte[] sc = new byte[8];
        random.nextBytes(sc);
        String target = config.domainJoined() ? config.nbDomainName() : config.nbComputerName();
        challenge = new ChallengeMessage(f, target, sc, new TargetInfo(pairs), config.version());
        challengeBytes = challenge.encode();
        return challengeBytes.clone();
    }

    /** Verifies the AUTHENTICATE message. Decode errors are thrown; wrong secrets are a Failure. */
    public NtlmAuthResult authenticate(byte[] authenticateMessage) throws NtlmDecodeException {
        if (challenge == null) {
            throw new IllegalStateException("challenge() first");
        }
        NtlmMessage m = NtlmMessage.decode(authenticateMessage);
        if (!(m instanceof AuthenticateMessage a)) {
            throw new NtlmDecodeException("MessageType", 8, "expected an AUTHENTICATE message, got type " + m.messageType());
        }
        authenticate = a;
        negotiated = a.flags();
        byte[] sc = challenge.serverChallenge();
        if (a.isAnonymous()) {
            if (!config.allowAnonymous()) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.ANONYMOUS_REFUSED, "anonymous logon refused");
            }
            return new NtlmAuthResult.Success("", "", ResponseKind.ANONYMOUS, new byte[16]);
        }
        Optional<NtlmAccounts.NtlmAccount> found = accounts.find(a.domain(), a.user());
        if (found.isEmpty()) {
            return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.NO_SUCH_USER, "no such user: " + a.user());
        }
        NtlmAccounts.NtlmAccount acct = found.get();
        byte[] nt = a.ntResponse();
        byte[] lm = a.lmResponse();
        byte[] kxkey;
        ResponseKind kind;
        boolean micExpected = false;
        if (nt.length > 24) {
            NtlmV2Response v2 = NtlmV2Response.decode(nt);
            byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
            byte[] sbk = null;
            for (String domain : domainCandidates(a.domain())) {
                byte[] key = NtlmCrypto.ntowfv2(acct.ntHash(), a.user(), domain);
                if (MessageDigest.isEqual(NtlmCrypto.ntProofStr(key, sc, temp), v2.ntProofStr())) {
                    sbk = NtlmCrypto.sessionBaseKeyV2(key, v2.ntProofStr());
                    break;
                }
            }
            if (sbk == null) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.WRONG_PASSWORD, "NTLMv2 response does not match");
            }
            kind = ResponseKind.NTLMV2;
            kxkey = sbk;
            micExpected = v2.avPairs().find(AvId.MSV_AV_FLAGS)
                    .map(p -> (p.asLong() & AvPair.FLAG_MIC_PRESENT) != 0).orElse(false);
        } else if (nt.length == 24) {
            if (!config.policy().acceptsNtlmv1()) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.NTLMV1_REFUSED,
                        "NTLMv1 refused by policy " + config.policy());
            }
            byte[] sbk = NtlmCrypto.sessionBaseKeyV1(acct.ntHash());
            boolean ess = negotiated.contains(NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY) && lm.length == 24;
            byte[] expected = ess
                    ? NtlmCrypto.ntlm2SessionResponse(acct.ntHash(), sc, Arrays.copyOf(lm, 8))
                    : NtlmCrypto.ntlmv1Response(acct.ntHash(), sc);
            if (!MessageDigest.isEqual(expected, nt)) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.WRONG_PASSWORD, "NTLMv1 response does not match");
            }
            kind = ess ? ResponseKind.NTLM2_SESSION : Arrays.equals(lm, nt) ? ResponseKind.NTLMV1 : ResponseKind.LM_AND_NTLMV1;
            kxkey = NtlmCrypto.kxkeyV1(negotiated, sbk, lm, sc, acct.lmHash());
        } else if (lm.length == 24) {
            if (!config.policy().acceptsLm()) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.LM_REFUSED, "LM refused by policy " + config.policy());
            }
            if (acct.lmHash() == null
                    || !MessageDigest.isEqual(NtlmCrypto.lmResponse(acct.lmHash(), sc), lm)) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.WRONG_PASSWORD, "LM response does not match");
            }
            kind = ResponseKind.LM;
            byte[] lmKey = Arrays.copyOf(Arrays.copyOf(acct.lmHash(), 8), 16);
            kxkey = NtlmCrypto.kxkeyV1(negotiated, lmKey, lm, sc, acct.lmHash());
        } else {
            return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.MALFORMED,
                    "NT response of " + nt.length + " bytes, LM response of " + lm.length);
        }
        byte[] exported = kxkey;
        if (negotiated.contains(NTLMSSP_NEGOTIATE_KEY_EXCH) && a.encryptedRandomSessionKey().length == 16) {
            exported = NtlmCrypto.rc4k(kxkey, a.encryptedRandomSessionKey());
        }
        if (micExpected) {
            if (a.mic() == null) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.MIC_MISMATCH, "MsvAvFlags says MIC present, none sent");
            }
            byte[] zeroed = authenticateMessage.clone();
            Arrays.fill(zeroed, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_OFFSET + 16, (byte) 0);
            byte[] mic = NtlmCrypto.mic(exported, negotiateBytes, challengeBytes, zeroed);
            if (!MessageDigest.isEqual(mic, a.mic())) {
                return new NtlmAuthResult.Failure(NtlmAuthResult.Reason.MIC_MISMATCH, "MIC does not match");
            }
        }
        return new NtlmAuthResult.Success(a.domain(), acct.user(), kind, exported);
    }

    /** The domain as sent, then upper-cased, then empty (as Samba tries). */
    private static List<String> domainCandidates(String domain) {
        List<String> out = new ArrayList<>();
        out.add(domain);
        String upper = domain.toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals(domain)) {
            out.add(upper);
        }
        if (!domain.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /** Signing and sealing (server side), after a successful authenticate(). */
    public NtlmSecurity security(byte[] exportedSessionKey) {
        return new NtlmSecurity(negotiated, exportedSessionKey, false);
    }

    public ChallengeMessage challengeMessage() {
        return challenge;
    }

    public AuthenticateMessage authenticateMessage() {
        return authenticate;
    }
}
