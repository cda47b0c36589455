package org.smbscope.codec.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smbscope.codec.wire.Hex;

/**
 * Runs the [MS-NLMP] 4.2 examples kept as data in src/test/resources/.../msnlmp: every expected
 * key in a file is computed from the file's inputs and compared.
 */
class MsNlmpTestVectorsTest {
    private static final List<String> FILES = List.of(
            "msnlmp/4.2.2-ntlmv1.txt", "msnlmp/4.2.3-ntlmv1-client-challenge.txt", "msnlmp/4.2.4-ntlmv2.txt");

    /** How each expected key is computed from a file's inputs. */
    private static final Map<String, Function<TestVectors, byte[]>> COMPUTE = Map.ofEntries(
            Map.entry("lmowfv1", v -> NtlmCrypto.lmowfv1(v.text("password"))),
            Map.entry("ntowfv1", v -> NtlmCrypto.ntowfv1(v.text("password"))),
            Map.entry("ntowfv2", v -> responseKey(v)),
            Map.entry("session_base_key", MsNlmpTestVectorsTest::sessionBaseKey),
            Map.entry("key_exchange_key", MsNlmpTestVectorsTest::keyExchangeKey),
            Map.entry("lm_response", MsNlmpTestVectorsTest::lmResponse),
            Map.entry("nt_response", MsNlmpTestVectorsTest::ntResponse),
            Map.entry("temp", v -> NtlmV2Response.temp(0, v.hex("client_challenge"), v.hex("target_info"))),
            Map.entry("nt_proof_str", v -> Arrays.copyOf(ntResponse(v), 16)),
            Map.entry("encrypted_session_key",
                    v -> NtlmCrypto.rc4k(keyExchangeKey(v), v.hex("random_session_key"))),
            Map.entry("sign_key", v -> NtlmCrypto.signKey(flags(v), exportedKey(v), true)),
            Map.entry("seal_key", v -> NtlmCrypto.sealKey(flags(v), exportedKey(v), true)),
            Map.entry("sealed", v -> new NtlmSecurity(flags(v), exportedKey(v), true).seal(v.hex("plaintext")).ciphertext()),
            Map.entry("signature", v -> new NtlmSecurity(flags(v), exportedKey(v), true).seal(v.hex("plaintext")).signature()),
            Map.entry("challenge", MsNlmpTestVectorsTest::challengeRoundTrip),
            Map.entry("authenticate", MsNlmpTestVectorsTest::authenticateFromComputedValues));

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (String f : FILES) {
            TestVectors v = TestVectors.load(f);
            for (String key : v.values().keySet()) {
                if (COMPUTE.containsKey(key)) {
                    out.add(Arguments.of(v, key));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    void computesTheSpecificationsValue(TestVectors v, String key) {
        assertThat(Hex.format(COMPUTE.get(key).apply(v))).isEqualTo(Hex.format(v.hex(key)));
    }

    private static Set<NegotiateFlag> flags(TestVectors v) {
        byte[] f = v.hex("flags");
        long bits = Long.parseLong(Hex.format(f), 16);
        return NegotiateFlag.fromBits(bits);
    }

    private static String variant(TestVectors v) {
        return v.text("variant");
    }

    private static byte[] ntHash(TestVectors v) {
        return NtlmCrypto.ntowfv1(v.text("password"));
    }

    private static byte[] responseKey(TestVectors v) {
        return NtlmCrypto.ntowfv2(ntHash(v), v.text("user"), v.text("domain"));
    }

    private static byte[] ntResponse(TestVectors v) {
        byte[] sc = v.hex("server_challenge");
        return switch (variant(v)) {
            case "ntlmv1" -> NtlmCrypto.ntlmv1Response(ntHash(v), sc);
            case "ntlm2session" -> NtlmCrypto.ntlm2SessionResponse(ntHash(v), sc, v.hex("client_challenge"));
            default -> NtlmCrypto.ntlmv2Response(responseKey(v), sc, v.hex("client_challenge"), 0, v.hex("target_info"));
        };
    }

    private static byte[] lmResponse(TestVectors v) {
        byte[] sc = v.hex("server_challenge");
        return switch (variant(v)) {
            case "ntlmv1" -> NtlmCrypto.lmResponse(NtlmCrypto.lmowfv1(v.text("password")), sc);
            case "ntlm2session" -> NtlmCrypto.ntlm2SessionLmField(v.hex("client_challenge"));
            default -> NtlmCrypto.lmv2Response(responseKey(v), sc, v.hex("client_challenge"));
        };
    }

    private static byte[] sessionBaseKey(TestVectors v) {
        if (variant(v).equals("ntlmv2")) {
            return NtlmCrypto.sessionBaseKeyV2(responseKey(v), Arrays.copyOf(ntResponse(v), 16));
        }
        return NtlmCrypto.sessionBaseKeyV1(ntHash(v));
    }

    private static byte[] keyExchangeKey(TestVectors v) {
        if (variant(v).equals("ntlmv2")) {
            return sessionBaseKey(v);
        }
        return NtlmCrypto.kxkeyV1(flags(v), sessionBaseKey(v), lmResponse(v), v.hex("server_challenge"),
                NtlmCrypto.lmowfv1(v.text("password")));
    }

    private static byte[] exportedKey(TestVectors v) {
        return flags(v).contains(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH) ? v.hex("random_session_key") : keyExchangeKey(v);
    }

    private static byte[] challengeRoundTrip(TestVectors v) {
        try {
            ChallengeMessage c = (ChallengeMessage) NtlmMessage.decode(v.hex("challenge"));
            assertThat(c.flags()).isEqualTo(flags(v));
            assertThat(c.serverChallenge()).isEqualTo(v.hex("server_challenge"));
            assertThat(c.targetName()).isEqualTo("Server");
            return c.encode();
        } catch (NtlmDecodeException e) {
            throw new AssertionError(e);
        }
    }

    /** Decodes the specification's message, checks it carries our values, and encodes it back. */
    private static byte[] authenticateFromComputedValues(TestVectors v) {
        try {
            AuthenticateMessage a = (AuthenticateMessage) NtlmMessage.decode(v.hex("authenticate"));
            assertThat(a.user()).isEqualTo(v.text("user"));
            assertThat(a.domain()).isEqualTo(v.text("domain"));
            assertThat(a.workstation()).isEqualTo(v.text("workstation"));
            assertThat(Hex.format(a.lmResponse())).isEqualTo(Hex.format(lmResponse(v)));
            assertThat(Hex.format(a.ntResponse())).isEqualTo(Hex.format(ntResponse(v)));
            byte[] key = flags(v).contains(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH)
                    ? NtlmCrypto.rc4k(keyExchangeKey(v), v.hex("random_session_key")) : new byte[0];
            assertThat(Hex.format(a.encryptedRandomSessionKey())).isEqualTo(Hex.format(key));
            assertThat(a.version()).isEqualTo(new Version(5, 1, 2600, 15));
            assertThat(a.mic()).isNull();
            return new AuthenticateMessage(a.flags(), lmResponse(v), ntResponse(v), v.text("domain"), v.text("user"),
                    v.text("workstation"), key, a.version(), null).encode();
        } catch (NtlmDecodeException e) {
            throw new AssertionError(e);
        }
    }
}
