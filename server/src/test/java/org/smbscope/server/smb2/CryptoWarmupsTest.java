package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.SigningAlgorithm;

class CryptoWarmupsTest {
    @Test
    void eachAlgorithmStartsOnceAndNullsAreIgnored() {
        CryptoWarmups w = new CryptoWarmups();
        w.warm(null, null);
        assertThat(w.started(SigningAlgorithm.AES_GMAC)).isFalse();
        w.warm(SigningAlgorithm.AES_GMAC, null);
        w.warm(SigningAlgorithm.AES_GMAC, CipherId.AES_128_GCM);
        assertThat(w.started(SigningAlgorithm.AES_GMAC)).isTrue();
        assertThat(w.started(CipherId.AES_128_GCM)).isTrue();
        assertThat(w.started(CipherId.AES_256_GCM)).isFalse();
    }
}
