package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CryptoWarmupTest {
    @ParameterizedTest
    @EnumSource(CipherId.class)
    void runsEveryCipherAndSigningAlgorithm(CipherId cipher) {
        for (SigningAlgorithm s : SigningAlgorithm.values()) {
            assertThatCode(() -> CryptoWarmup.run(s, cipher, 3)).doesNotThrowAnyException();
        }
        assertThatCode(() -> CryptoWarmup.run(null, null, 3)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void runsTheClientsCallsForEveryCipherAndSigningAlgorithm(CipherId cipher) {
        for (SigningAlgorithm s : SigningAlgorithm.values()) {
            assertThatCode(() -> CryptoWarmup.run(s, cipher, 3, CryptoWarmup.Side.CLIENT)).doesNotThrowAnyException();
        }
        assertThatCode(() -> CryptoWarmup.run(null, null, 3, CryptoWarmup.Side.CLIENT)).doesNotThrowAnyException();
    }
}
