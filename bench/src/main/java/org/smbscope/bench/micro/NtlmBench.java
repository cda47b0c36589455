package org.smbscope.bench.micro;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smbscope.bench.SampleMessages;
import org.smbscope.codec.ntlm.NtlmAccounts;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.ntlm.NtlmCrypto;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;

/**
 * NTLM ([MS-NLMP]): the NTLMv2 response computation alone (NTOWFv2 and the HMAC-MD5 chain of
 * 3.3.2), and a whole handshake through both contexts (NEGOTIATE encode, CHALLENGE encode and
 * decode, AUTHENTICATE encode, decode and check, with MIC and key exchange), which is what a
 * server spends per session setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NtlmBench {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
    private final SplittableRandom random = new SplittableRandom(42);
    private final byte[] ntHash = NtlmCrypto.ntowfv1("Passw0rd!");
    private final byte[] serverChallenge = SampleMessages.data(8);
    private final byte[] clientChallenge = SampleMessages.data(8);
    private final byte[] avPairs = SampleMessages.data(96);
    private NtlmClientConfig client;
    private NtlmServerConfig server;
    private NtlmAccounts accounts;
    private byte[] negotiate;
    private byte[] challenge;
    private byte[] authenticate;

    @Setup
    public void setup() throws NtlmDecodeException {
        client = NtlmClientConfig.defaults(NtlmCredentials.password("LABGRP", "alice", "Passw0rd!"), "SERVER");
        server = NtlmServerConfig.standalone("SERVER", "LABGRP");
        NtlmAccounts.NtlmAccount alice = NtlmAccounts.NtlmAccount.withPassword("alice", "Passw0rd!");
        accounts = (domain, user) -> user.equalsIgnoreCase("alice") ? Optional.of(alice) : Optional.empty();
        NtlmClientContext c = new NtlmClientContext(client, CLOCK, random);
        NtlmServerContext s = new NtlmServerContext(server, accounts, CLOCK, random);
        negotiate = c.negotiate();
        challenge = s.challenge(negotiate);
        authenticate = c.authenticate(challenge);
        if (!(s.authenticate(authenticate) instanceof NtlmAuthResult.Success)) {
            throw new IllegalStateException("the benchmark handshake does not authenticate");
        }
    }

    @Benchmark
    public byte[] ntlmv2Response() {
        byte[] key = NtlmCrypto.ntowfv2(ntHash, "alice", "LABGRP");
        return NtlmCrypto.ntlmv2Response(key, serverChallenge, clientChallenge, 0x01dc_5b7a_0000_0000L, avPairs);
    }

    /** The client's side: NEGOTIATE, then AUTHENTICATE for a recorded CHALLENGE. */
    @Benchmark
    public byte[] clientHandshake() throws NtlmDecodeException {
        NtlmClientContext c = new NtlmClientContext(client, CLOCK, random);
        c.negotiate();
        return c.authenticate(challenge);
    }

    /** Both sides, as one session setup costs: NEGOTIATE, CHALLENGE, AUTHENTICATE and its check. */
    @Benchmark
    public NtlmAuthResult fullHandshake() throws NtlmDecodeException {
        NtlmClientContext c = new NtlmClientContext(client, CLOCK, random);
        NtlmServerContext s = new NtlmServerContext(server, accounts, CLOCK, random);
        byte[] ch = s.challenge(c.negotiate());
        return s.authenticate(c.authenticate(ch));
    }
}
