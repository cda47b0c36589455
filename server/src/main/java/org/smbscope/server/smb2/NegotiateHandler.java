package org.smbscope.server.smb2;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.Cipher;
import org.smbscope.codec.smb2.HashAlgorithm;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SigningAlgorithm;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.server.config.EncryptPolicy;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SigningPolicy;
import org.smbscope.server.auth.SpnegoAcceptor;

/**
 * [MS-SMB2] 3.3.5.4 Receiving an SMB2 NEGOTIATE Request: picks the dialect ({@link DialectSelection}), for
 * 3.1.1 the preauth hash (SHA-512, a fresh salt), the cipher (the client's first one we support, GCM
 * preferred by the client's order) and the signing algorithm; answers with the SPNEGO hint naming NTLMSSP
 * (and MS KRB5, KRB5 first when Kerberos is configured).
 * Returns empty when no dialect is acceptable (the caller answers STATUS_NOT_SUPPORTED) or when a 3.1.1
 * request lacks the preauth context (STATUS_INVALID_PARAMETER per 3.3.5.4).
 */
final class NegotiateHandler {
    private static final List<Cipher> CIPHERS = List.of(Cipher.AES_128_GCM, Cipher.AES_128_CCM, Cipher.AES_256_GCM,
            Cipher.AES_256_CCM);

    private final ServerConfig config;
    private final ServerLimits limits;
    private final Guid serverGuid;
    private final Instant startTime;
    private final Clock clock;
    private final RandomGenerator random;
    private final boolean kerberos;

    NegotiateHandler(ServerConfig config, ServerLimits limits, Guid serverGuid, Instant startTime, Clock clock,
            RandomGenerator random) {
        this(config, limits, serverGuid, startTime, clock, random, false);
    }

    /** With {@code kerberos}, the SPNEGO hint offers MS KRB5 and KRB5 before NTLMSSP. */
    NegotiateHandler(ServerConfig config, ServerLimits limits, Guid serverGuid, Instant startTime, Clock clock,
            RandomGenerator random, boolean kerberos) {
        this.kerberos = kerberos;
        this.config = config;
        this.limits = limits;
        this.serverGuid = serverGuid;
        this.startTime = startTime;
        this.clock = clock;
        this.random = random;
    }

    /** Thrown for a request that is well formed but not acceptable; carries the NTSTATUS to answer. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * The answer to an SMB1 NEGOTIATE offering "SMB 2.???" ([MS-SMB2] 3.3.5.3.1): dialect 0x02FF, after which
     * the client sends an SMB2 NEGOTIATE.
     */
    NegotiateResponse wildcard() {
        SecurityMode mode = config.signing() == SigningPolicy.MANDATORY
                ? SecurityMode.of(SecurityMode.SIGNING_ENABLED, SecurityMode.SIGNING_REQUIRED)
                : SecurityMode.SIGNING_ENABLED;
        return new NegotiateResponse(mode, new Smb2Dialect(0x02FF), serverGuid, Capabilities.NONE,
                limits.maxTransactSize(), limits.maxReadSize(), limits.maxWriteSize(),
                FileTime.of(clock.instant()), FileTime.of(startTime), SpnegoAcceptor.negotiateHint(kerberos, true),
                List.of());
    }

    Guid serverGuid() {
        return serverGuid;
    }

    NegotiateOutcome handle(NegotiateRequest request) throws Refused {
        List<Integer> offered = new ArrayList<>();
        request.dialects().forEach(d -> offered.add(d.value()));
        Optional<Integer> chosen = DialectSelection.select(offered, config.minProtocol(), config.maxProtocol());
        if (chosen.isEmpty()) {
            throw new Refused(0xC00000BB, "no common dialect in " + request.dialects());
        }
        int dialect = chosen.get();
        List<NegotiateContext> contexts = new ArrayList<>();
        Cipher cipher = null;
        SigningAlgorithm signing = dialect >= 0x0300 ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.HMAC_SHA256;
        if (dialect == 0x0311) {
            boolean preauth = false;
            for (NegotiateContext c : request.contexts()) {
                switch (c) {
                    case NegotiateContext.PreauthIntegrity p -> {
                        if (!p.hashAlgorithms().contains(HashAlgorithm.SHA_512)) {
                            throw new Refused(0xC05D0000, "no SHA-512 preauth integrity hash offered");
                        }
                        preauth = true;
                    }
                    case NegotiateContext.Encryption e -> {
                        if (config.encrypt() != EncryptPolicy.OFF) {
                            cipher = e.ciphers().stream().filter(CIPHERS::contains).findFirst().orElse(null);
                        }
                    }
                    case NegotiateContext.Signing s -> {
                        // 3.3.5.4: one the client offered; GMAC first, then the client's order
                        if (s.algorithms().contains(SigningAlgorithm.AES_GMAC)) {
                            signing = SigningAlgorithm.AES_GMAC;
                        } else {
                            signing = s.algorithms().stream().filter(SigningAlgorithm::isKnown).findFirst()
                                    .orElse(signing);
                        }
                    }
                    default -> {
                        // other contexts (netname, compression, RDMA, transport) are not used
                    }
                }
            }
            if (!preauth) {
                throw new Refused(0xC000000D, "3.1.1 without a preauth integrity context");
            }
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            contexts.add(new NegotiateContext.PreauthIntegrity(List.of(HashAlgorithm.SHA_512), salt));
            if (cipher != null) {
                contexts.add(new NegotiateContext.Encryption(List.of(cipher)));
            }
            if (request.contexts().stream().anyMatch(c -> c instanceof NegotiateContext.Signing)) {
                contexts.add(new NegotiateContext.Signing(List.of(signing)));
            }
        }
        Capabilities caps = Capabilities.NONE;
        if (dialect >= 0x0210) {
            caps = Capabilities.of(Capabilities.LARGE_MTU, Capabilities.LEASING);
        }
        if (dialect >= 0x0300) {
            caps = Capabilities.of(caps, Capabilities.MULTI_CHANNEL); // session binding (SessionBinding)
        }
        if (dialect >= 0x0300 && dialect < 0x0311 && config.encrypt() != EncryptPolicy.OFF) {
            caps = Capabilities.of(caps, Capabilities.ENCRYPTION);
        }
        SecurityMode mode = config.signing() == SigningPolicy.MANDATORY
                ? SecurityMode.of(SecurityMode.SIGNING_ENABLED, SecurityMode.SIGNING_REQUIRED)
                : SecurityMode.SIGNING_ENABLED;
        byte[] hint = SpnegoAcceptor.negotiateHint(kerberos, true);
        boolean smb202 = dialect == 0x0202; // no large MTU: 64 KiB at most ([MS-SMB2] 3.3.5.4)
        NegotiateResponse response = new NegotiateResponse(mode, new Smb2Dialect(dialect), serverGuid, caps,
                smb202 ? 65536 : limits.maxTransactSize(), smb202 ? 65536 : limits.maxReadSize(),
                smb202 ? 65536 : limits.maxWriteSize(), FileTime.of(clock.instant()), FileTime.of(startTime), hint,
                contexts);
        return new NegotiateOutcome(response, dialect, cipher, signing);
    }
}
