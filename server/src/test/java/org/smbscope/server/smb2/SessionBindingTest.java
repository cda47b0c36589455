package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.Cipher;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SigningAlgorithm;
import org.smbscope.codec.smb2.Smb2Dialect;

/** What a connection's negotiation fixes for session binding (smbtorture smb2.session.bind* checks the rest). */
class SessionBindingTest {
    private static NegotiateOutcome outcome(int dialect, Capabilities caps, Cipher cipher, SigningAlgorithm alg) {
        NegotiateResponse r = new NegotiateResponse(SecurityMode.SIGNING_ENABLED, new Smb2Dialect(dialect), Guid.ZERO,
                caps, 65536, 65536, 65536, FileTime.ZERO, FileTime.ZERO, new byte[0], List.of());
        return new NegotiateOutcome(r, dialect, cipher, alg);
    }

    private static NegotiateRequest request(Capabilities caps) {
        return new NegotiateRequest(SecurityMode.SIGNING_ENABLED, caps, Guid.ZERO,
                List.of(new Smb2Dialect(0x0300)), List.of());
    }

    @Test
    void signingAlgorithmFollowsTheDialect() {
        assertThat(SessionBinding.signingAlgorithm(outcome(0x0202, Capabilities.NONE, null, null))).isZero();
        assertThat(SessionBinding.signingAlgorithm(outcome(0x0210, Capabilities.NONE, null, null))).isZero();
        assertThat(SessionBinding.signingAlgorithm(outcome(0x0302, Capabilities.NONE, null, null))).isEqualTo(1);
        assertThat(SessionBinding.signingAlgorithm(outcome(0x0311, Capabilities.NONE, null, null))).isEqualTo(1);
        assertThat(SessionBinding.signingAlgorithm(outcome(0x0311, Capabilities.NONE, null, SigningAlgorithm.AES_GMAC)))
                .isEqualTo(2);
        assertThat(SessionBinding.signingAlgorithm(
                outcome(0x0311, Capabilities.NONE, null, SigningAlgorithm.HMAC_SHA256))).isZero();
    }

    @Test
    void cipherIsTheNegotiatedOneOrCcmWhenBothSidesOfThreeZeroOfferEncryption() {
        Capabilities enc = Capabilities.of(Capabilities.ENCRYPTION);
        assertThat(SessionBinding.cipher(outcome(0x0311, Capabilities.NONE, Cipher.AES_128_GCM, null), null))
                .isEqualTo(Cipher.AES_128_GCM.value());
        assertThat(SessionBinding.cipher(outcome(0x0311, Capabilities.NONE, null, null), null)).isZero();
        assertThat(SessionBinding.cipher(outcome(0x0300, enc, null, null), request(enc))).isEqualTo(1);
        assertThat(SessionBinding.cipher(outcome(0x0300, enc, null, null), request(Capabilities.NONE))).isZero();
        assertThat(SessionBinding.cipher(outcome(0x0300, Capabilities.NONE, null, null), request(enc))).isZero();
        assertThat(SessionBinding.cipher(outcome(0x0210, enc, null, null), request(enc))).isZero();
    }
}
