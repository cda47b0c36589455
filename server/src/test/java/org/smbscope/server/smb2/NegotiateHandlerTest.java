package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.Cipher;
import org.smbscope.codec.smb2.HashAlgorithm;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SigningAlgorithm;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.SpnegoToken;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

class NegotiateHandlerTest {
    private static final List<Smb2Dialect> ALL = List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1, Smb2Dialect.SMB_3_0,
            Smb2Dialect.SMB_3_0_2, Smb2Dialect.SMB_3_1_1);

    private NegotiateHandler handler(String global) throws Exception {
        ServerConfig c = SmbConfParser.parse("[global]\n" + global + "\n", Path.of("."));
        Instant t = Instant.parse("2026-11-21T00:00:00Z");
        return new NegotiateHandler(c, ServerLimits.DEFAULTS.withIoSizes(c.ioSizes()), Guid.ZERO, t, Clock.fixed(t, ZoneOffset.UTC), new Random(1));
    }

    @Test
    void smb311WithContextsPicksGcmAndGmac() throws Exception {
        NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO, ALL, List.of(
                new NegotiateContext.PreauthIntegrity(List.of(HashAlgorithm.SHA_512), new byte[32]),
                new NegotiateContext.Encryption(List.of(Cipher.AES_128_GCM, Cipher.AES_128_CCM)),
                new NegotiateContext.Signing(List.of(SigningAlgorithm.AES_GMAC, SigningAlgorithm.AES_CMAC))));
        NegotiateOutcome o = handler("server signing = mandatory").handle(req);
        assertThat(o.dialect()).isEqualTo(0x0311);
        assertThat(o.cipher()).isEqualTo(Cipher.AES_128_GCM);
        assertThat(o.signingAlgorithm()).isEqualTo(SigningAlgorithm.AES_GMAC);
        assertThat(o.response().securityMode()).isEqualTo(SecurityMode.of(SecurityMode.SIGNING_ENABLED, SecurityMode.SIGNING_REQUIRED));
        assertThat(o.response().contexts()).hasSize(3);
        assertThat(SpnegoToken.decode(o.response().securityBuffer())).isInstanceOf(NegTokenInit.class);
    }

    @Test
    void offersTheSmb2MaxSizesOfSmbConfAnd64KiBToSmb202() throws Exception {
        NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1), List.of());
        NegotiateHandler h = handler("smb2 max read = 1048576\nsmb2 max write = 2097152\nsmb2 max trans = 65536");
        var r = h.handle(req).response();
        assertThat(List.of(r.maxReadSize(), r.maxWriteSize(), r.maxTransactSize())).containsExactly(1048576L, 2097152L,
                65536L);
        var defaults = handler("").handle(req).response();
        assertThat(List.of(defaults.maxReadSize(), defaults.maxWriteSize(), defaults.maxTransactSize()))
                .containsExactly((long) ServerLimits.DEFAULTS.maxReadSize(), (long) ServerLimits.DEFAULTS.maxWriteSize(),
                        (long) ServerLimits.DEFAULTS.maxTransactSize());
        var old = h.handle(new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                List.of(Smb2Dialect.SMB_2_0_2), List.of())).response();
        assertThat(List.of(old.maxReadSize(), old.maxWriteSize(), old.maxTransactSize())).containsOnly(65536L);
    }

    @Test
    void smb311SigningAlgorithmIsOneTheClientOffered() throws Exception {
        NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO, ALL, List.of(
                new NegotiateContext.PreauthIntegrity(List.of(HashAlgorithm.SHA_512), new byte[32]),
                new NegotiateContext.Signing(List.of(SigningAlgorithm.HMAC_SHA256))));
        NegotiateOutcome o = handler("").handle(req);
        assertThat(o.signingAlgorithm()).isEqualTo(SigningAlgorithm.HMAC_SHA256);
        assertThat(o.response().contexts()).contains(new NegotiateContext.Signing(List.of(SigningAlgorithm.HMAC_SHA256)));
    }

    @Test
    void maxProtocolCapsTheDialectAndMissingPreauthIsRefused() throws Exception {
        NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO, ALL, List.of());
        assertThat(handler("server max protocol = SMB3_02").handle(req).dialect()).isEqualTo(0x0302);
        assertThatThrownBy(() -> handler("").handle(req)).isInstanceOf(NegotiateHandler.Refused.class)
                .satisfies(e -> assertThat(((NegotiateHandler.Refused) e).status).isEqualTo(0xC000000D));
        NegotiateRequest old = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                List.of(Smb2Dialect.SMB_2_0_2), List.of());
        assertThatThrownBy(() -> handler("server min protocol = SMB3_00").handle(old))
                .satisfies(e -> assertThat(((NegotiateHandler.Refused) e).status).isEqualTo(0xC00000BB));
        assertThat(handler("").handle(old).response().maxReadSize()).isEqualTo(65536);
    }
}
