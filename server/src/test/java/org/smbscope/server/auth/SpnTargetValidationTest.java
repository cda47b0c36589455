package org.smbscope.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.AvId;
import org.smbscope.codec.ntlm.AvPair;
import org.smbscope.codec.ntlm.LmCompatibilityLevel;
import org.smbscope.codec.ntlm.NtlmAccounts;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.ntlm.TargetInfo;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.config.SpnValidationLevel;

/** Every level against every kind of target name: ours by name/alias/FQDN, an allowed address, missing, untrusted, wrong. */
class SpnTargetValidationTest {
    static final InetAddress ALLOWED_IP = ip("127.0.0.66");

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static SpnTargetValidation validation(SpnValidationLevel level) {
        return new SpnTargetValidation(level, List.of("FILESRV", "FILES", "filesrv.lab.example"), List.of(ALLOWED_IP));
    }

    static TargetInfo pairs(String target) {
        TargetInfo t = TargetInfo.EMPTY.with(AvPair.text(AvId.MSV_AV_NB_COMPUTER_NAME, "FILESRV"));
        return target == null ? t : t.with(AvPair.text(AvId.MSV_AV_TARGET_NAME, target));
    }

    /** level, target name ("-" = none), accepted? */
    @ParameterizedTest(name = "level {0}, target {1} -> {2}")
    @CsvSource({
        "OFF, -, true", "OFF, cifs/elsewhere, true", "OFF, cifs/10.9.9.9, true",
        "ACCEPT_IF_PROVIDED, -, true", "ACCEPT_IF_PROVIDED, cifs/FILESRV, true", "ACCEPT_IF_PROVIDED, cifs/files, true",
        "ACCEPT_IF_PROVIDED, cifs/FileSrv.Lab.Example, true", "ACCEPT_IF_PROVIDED, cifs/127.0.0.66, true",
        "ACCEPT_IF_PROVIDED, cifs/filesrv.lab.example:445, true", "ACCEPT_IF_PROVIDED, cifs/FILESRV@LAB.EXAMPLE, true",
        "ACCEPT_IF_PROVIDED, cifs/elsewhere, false", "ACCEPT_IF_PROVIDED, cifs/10.9.9.9, false",
        "ACCEPT_IF_PROVIDED, http/FILESRV, false", "ACCEPT_IF_PROVIDED, FILESRV, false",
        "ACCEPT_IF_PROVIDED, cifs/filesrv.evil.example, false",
        "REQUIRED, -, false", "REQUIRED, cifs/FILESRV, true", "REQUIRED, cifs/127.0.0.66, true",
        "REQUIRED, cifs/127.0.0.67, false", "REQUIRED, cifs/localhost, false", "REQUIRED, host/FILESRV, false",
        "REQUIRED, cifs/999.0.0.1, false"})
    void levels(SpnValidationLevel level, String target, boolean accepted) {
        SpnTargetValidation.Verdict v = validation(level).check(pairs(target.equals("-") ? null : target));
        assertThat(v.accepted()).as(v.reason()).isEqualTo(accepted);
        assertThat(v.status()).isEqualTo(accepted ? NtStatus.SUCCESS : NtStatus.ACCESS_DENIED);
    }

    @Test
    void reasonsSayWhatWasWrong() {
        assertThat(validation(SpnValidationLevel.REQUIRED).check(pairs(null)).reason())
                .isEqualTo("the client sent no MsvAvTargetName; level 2 (required from client) needs a target name"
                        + " that names this server");
        assertThat(validation(SpnValidationLevel.ACCEPT_IF_PROVIDED).check(pairs("cifs/10.9.9.9")).reason())
                .startsWith("SPN cifs/10.9.9.9 refused: the client connected by IP address 10.9.9.9, which is not a name"
                        + " of this server (allowed addresses: [127.0.0.66]); connect by name [files, filesrv,");
        assertThat(validation(SpnValidationLevel.REQUIRED).check(pairs("cifs/other")).reason())
                .isEqualTo("SPN cifs/other refused: host 'other' is not one of our names [files, filesrv,"
                        + " filesrv.lab.example]");
        assertThat(validation(SpnValidationLevel.REQUIRED).check(pairs("cifs/other")).targetName()).contains("cifs/other");
    }

    @Test
    void emptyOrUntrustedTargetNamesCountAsNotProvided() {
        TargetInfo empty = pairs("");
        TargetInfo untrusted = pairs("cifs/elsewhere").with(AvPair.flags(AvPair.FLAG_UNTRUSTED_SPN | AvPair.FLAG_MIC_PRESENT));
        assertThat(validation(SpnValidationLevel.ACCEPT_IF_PROVIDED).check(empty).accepted()).isTrue();
        assertThat(validation(SpnValidationLevel.ACCEPT_IF_PROVIDED).check(untrusted).accepted()).isTrue();
        assertThat(validation(SpnValidationLevel.REQUIRED).check(empty).accepted()).isFalse();
        SpnTargetValidation.Verdict v = validation(SpnValidationLevel.REQUIRED).check(untrusted);
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).contains("marked its target name cifs/elsewhere as untrusted");
    }

    @Test
    void kerberosServicePrincipals() {
        assertThat(validation(SpnValidationLevel.REQUIRED).checkKerberos("cifs/filesrv.lab.example@LAB.EXAMPLE")
                .accepted()).isTrue();
        assertThat(validation(SpnValidationLevel.REQUIRED).checkKerberos("cifs/nas.lab.example@LAB.EXAMPLE")
                .accepted()).isFalse();
    }

    static AuthenticateMessage authenticate(NtlmClientConfig cc) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC);
        NtlmClientContext client = new NtlmClientContext(cc, clock, new SplittableRandom(1));
        NtlmAccounts accounts = (d, u) -> Optional.of(NtlmAccounts.NtlmAccount.withPassword("alice", "pw"));
        NtlmServerContext server = new NtlmServerContext(NtlmServerConfig.standalone("FILESRV", "LAB"), accounts, clock,
                new SplittableRandom(2));
        client.authenticate(server.challenge(client.negotiate()));
        return client.authenticateMessage();
    }

    @Test
    void realAuthenticateMessagesFromOurClient() throws Exception {
        NtlmCredentials alice = NtlmCredentials.password("LAB", "alice", "pw");
        SpnTargetValidation required = validation(SpnValidationLevel.REQUIRED);
        assertThat(required.check(authenticate(NtlmClientConfig.defaults(alice, "FILESRV"))).accepted()).isTrue();
        assertThat(required.check(authenticate(NtlmClientConfig.defaults(alice, "127.0.0.66"))).accepted()).isTrue();
        SpnTargetValidation.Verdict byOtherAddress = required.check(authenticate(NtlmClientConfig.defaults(alice, "10.0.0.1")));
        assertThat(byOtherAddress.accepted()).isFalse();
        assertThat(byOtherAddress.targetName()).contains("cifs/10.0.0.1");
        SpnTargetValidation.Verdict v1 = required.check(authenticate(NtlmClientConfig.defaults(alice, "FILESRV")
                .withLevel(LmCompatibilityLevel.SEND_NTLM_ONLY)));
        assertThat(v1.accepted()).isFalse();
        assertThat(v1.reason()).contains("NTLMv1/LM response, which carries no target name");
        assertThat(validation(SpnValidationLevel.ACCEPT_IF_PROVIDED).check(authenticate(NtlmClientConfig.defaults(alice,
                "FILESRV").withLevel(LmCompatibilityLevel.SEND_NTLM_ONLY))).accepted()).isTrue();
    }

    /** The issue's reproduction: level 2 and a client that connects by IP address is refused, even our own. */
    @Test
    void addressesAreNotNamesUnlessAllowed() {
        SpnTargetValidation v = new SpnTargetValidation(SpnValidationLevel.REQUIRED, List.of("FILESRV"), List.of());
        SpnTargetValidation.Verdict byIp = v.check(pairs("cifs/127.0.0.66"));
        assertThat(byIp.accepted()).isFalse();
        assertThat(byIp.status()).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(byIp.reason()).contains("the client connected by IP address 127.0.0.66");
        assertThat(v.check(pairs("cifs/FILESRV")).accepted()).isTrue();
        assertThat(new SpnTargetValidation(SpnValidationLevel.ACCEPT_IF_PROVIDED, List.of("FILESRV"), List.of())
                .check(pairs("cifs/127.0.0.66")).accepted()).isFalse();
    }

    @Test
    void fromServerConfig() throws Exception {
        ServerConfig c = SmbConfParser.parse("""
                [global]
                netbios name = filesrv
                netbios aliases = files
                server spn target name validation = accept if provided
                """, Path.of("."));
        SpnTargetValidation v = SpnTargetValidation.of(c, List.of("filesrv.lab.example"), List.of(ALLOWED_IP));
        assertThat(v.level()).isEqualTo(SpnValidationLevel.ACCEPT_IF_PROVIDED);
        assertThat(v.names()).containsExactly("files", "filesrv", "filesrv.lab.example");
        assertThat(SpnTargetValidation.hostOf("[fe80::1]:445")).isEqualTo("fe80::1");
        assertThat(SpnTargetValidation.hostOf("host:445/svc@R")).isEqualTo("host");
    }
}
