package org.smbscope.trace.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.SessionError;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.SecurityMode;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.ShareCapabilities;
import org.smbscope.codec.smb2.ShareFlags;
import org.smbscope.codec.smb2.ShareType;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.smb2.TreeConnectResponse;
import org.smbscope.codec.status.NtStatus;

/** Each rule on the smallest stream that shows its case, and on one that must not trigger it. */
class RulesTest {
    static final org.smbscope.codec.smb2.SecurityMode EN = org.smbscope.codec.smb2.SecurityMode.SIGNING_ENABLED;
    static final org.smbscope.codec.smb2.SecurityMode REQ =
            org.smbscope.codec.smb2.SecurityMode.of(EN, org.smbscope.codec.smb2.SecurityMode.SIGNING_REQUIRED);

    static SessionSetupRequest setup(byte[] blob) {
        return new SessionSetupRequest(0, EN, org.smbscope.codec.smb2.Capabilities.NONE, 0, 0, blob);
    }

    static SessionSetupResponse setupOk(SessionFlags flags) {
        return new SessionSetupResponse(flags, new byte[0]);
    }

    static List<Finding> run(Rule rule, Observations o) {
        return rule.check(o);
    }

    static NegotiateResponse smb1Response(int securityMode) {
        return new NegotiateResponse(0, new SecurityMode(securityMode), 50, 1, 16644, 65536, 0,
                new Capabilities(Capabilities.NT_SMBS | Capabilities.STATUS32), 0, 0, new byte[8], "LAB", "SRV", null, null);
    }

    @Test
    void signingMismatchWhenTheClientRequiresAndTheSmb1ServerDoesNotSign() {
        StreamBuilder s = new StreamBuilder().smb1(Smb1Command.NEGOTIATE, new NegotiateRequest(List.of("NT LM 0.12")),
                Smb1Flags2.SMB_SECURITY_SIGNATURE | Smb1Flags2.SMB_SECURITY_SIGNATURE_REQUIRED | Smb1Flags2.NT_STATUS,
                0, smb1Response(3));
        List<Finding> f = run(new SigningMismatchRule(), s.observations());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.title()).contains("SecurityMode 3");
            assertThat(x.userSees()).contains("System error 1240");
            assertThat(x.fix().smbConf()).contains("server signing = auto");
            assertThat(x.evidence().get(0).frame()).isEqualTo(2);
        });
        StreamBuilder seven = new StreamBuilder().smb1(Smb1Command.NEGOTIATE, new NegotiateRequest(List.of("NT LM 0.12")),
                Smb1Flags2.SMB_SECURITY_SIGNATURE_REQUIRED, 0, smb1Response(7));
        assertThat(run(new SigningMismatchRule(), seven.observations())).isEmpty();
    }

    @Test
    void signingMismatchFromTheDoctorsPolicyOnSmb2() {
        StreamBuilder s = new StreamBuilder().negotiate(EN, List.of(Smb2Dialect.SMB_2_1), org.smbscope.codec.smb2.SecurityMode.NONE,
                Smb2Dialect.SMB_2_1, Duration.ZERO);
        assertThat(run(new SigningMismatchRule(), s.observations())).isEmpty();
        assertThat(run(new SigningMismatchRule(), s.observations(new ClientPolicy(true, ""), Set.of(), List.of())))
                .singleElement().extracting(Finding::rule).isEqualTo("signing-mismatch");
    }

    @Test
    void ntlmLevelMismatchWhenNtlmv1IsRefused() {
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 24)), NtStatus.LOGON_FAILURE,
                        ErrorResponse.empty(Smb2Command.SESSION_SETUP));
        Observations o = s.observations();
        assertThat(run(new NtlmLevelRule(), o)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.title()).contains("NTLMv1", "NTLMv2 only");
            assertThat(x.fix().registry()).contains("LmCompatibilityLevel");
        });
        assertThat(run(new LogonFailureRule(), o)).as("explained by the NTLM level").isEmpty();
        assertThat(Diagnosis.run(o).get(0).rule()).isEqualTo("ntlm-level");
        Observations probe = s.observations(ClientPolicy.UNKNOWN, Set.of(s.client()), List.of());
        assertThat(run(new NtlmLevelRule(), probe)).singleElement().satisfies(x -> {
            assertThat(x.severity()).as("the doctor's own NTLMv1 try").isEqualTo(Severity.INFO);
            assertThat(x.title()).contains("refuses NTLMv1");
        });
    }

    @Test
    void logonFailureWithNtlmv2() {
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 60)), NtStatus.LOGON_FAILURE,
                        ErrorResponse.empty(Smb2Command.SESSION_SETUP));
        assertThat(run(new NtlmLevelRule(), s.observations())).isEmpty();
        assertThat(run(new LogonFailureRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.userSees()).contains("System error 1326", "NT_STATUS_LOGON_FAILURE"));
    }

    @Test
    void noSuchShareAndAccessDenied() {
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 60)), NtStatus.SUCCESS, setupOk(SessionFlags.NONE))
                .smb2(Smb2Command.TREE_CONNECT, new TreeConnectRequest("\\\\srv\\nope"), NtStatus.BAD_NETWORK_NAME,
                        ErrorResponse.empty(Smb2Command.TREE_CONNECT))
                .smb2(Smb2Command.TREE_CONNECT, new TreeConnectRequest("\\\\srv\\secret"), NtStatus.ACCESS_DENIED,
                        ErrorResponse.empty(Smb2Command.TREE_CONNECT));
        assertThat(run(StatusRule.noSuchShare(), s.observations())).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("No such share: tree connect to \\\\srv\\nope");
            assertThat(x.userSees()).contains("System error 67");
        });
        assertThat(run(StatusRule.accessDenied(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.title()).contains("\\\\srv\\secret"));
    }

    @Test
    void guestFallbackCannotSignWhenSigningIsRequired() {
        StreamBuilder s = new StreamBuilder().negotiate(REQ, List.of(Smb2Dialect.SMB_3_1_1), EN, Smb2Dialect.SMB_3_1_1, Duration.ZERO)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("bob", 60)), NtStatus.SUCCESS,
                        setupOk(SessionFlags.IS_GUEST));
        assertThat(run(new GuestCannotSignRule(), s.observations())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.title()).contains("bob", "cannot sign");
            assertThat(x.fix().smbConf()).contains("map to guest = never");
        });
        StreamBuilder plain = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("bob", 60)), NtStatus.SUCCESS,
                        setupOk(SessionFlags.IS_GUEST));
        assertThat(run(new GuestCannotSignRule(), plain.observations())).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void encryptionRequiredOnAnSmb21Connection() {
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_2_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 60)), NtStatus.SUCCESS, setupOk(SessionFlags.NONE))
                .smb2(Smb2Command.TREE_CONNECT, new TreeConnectRequest("\\\\srv\\share"), NtStatus.SUCCESS,
                        new TreeConnectResponse(ShareType.DISK, ShareFlags.ENCRYPT_DATA, new ShareCapabilities(0),
                                new org.smbscope.codec.smb2.AccessMask(0x1f01ff)));
        assertThat(run(new EncryptionUnsupportedRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.title()).contains("SMB 2.1"));
        StreamBuilder denied = new StreamBuilder().negotiate(Smb2Dialect.SMB_2_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 60)), NtStatus.ACCESS_DENIED,
                        ErrorResponse.empty(Smb2Command.SESSION_SETUP));
        assertThat(Diagnosis.run(denied.observations()).get(0).rule()).isEqualTo("encryption-unsupported");
    }

    @Test
    void clientRequiresEncryptionTheServerCannotGive() {
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_0);
        assertThat(run(new EncryptionUnsupportedRule(), s.observations())).isEmpty();
        assertThat(run(new EncryptionUnsupportedRule(), s.observations(new ClientPolicy(false, "", true), Set.of(), List.of())))
                .singleElement().satisfies(x -> assertThat(x.title()).contains("client requires encryption", "SMB 3.0"));
    }

    @Test
    void noCommonDialectButProbesAreIgnored() {
        StreamBuilder s = new StreamBuilder().smb2(Smb2Command.NEGOTIATE, new org.smbscope.codec.smb2.NegotiateRequest(EN,
                org.smbscope.codec.smb2.Capabilities.NONE, org.smbscope.codec.dtyp.Guid.ZERO,
                List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1), List.of()), NtStatus.NOT_SUPPORTED,
                ErrorResponse.empty(Smb2Command.NEGOTIATE));
        assertThat(run(new NoCommonDialectRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.cause()).contains("SMB 2.0.2, SMB 2.1"));
        assertThat(run(new NoCommonDialectRule(), s.observations(ClientPolicy.UNKNOWN, Set.of(s.client()), List.of())))
                .isEmpty();
    }

    @Test
    void smb1DisabledWhenTheServerDropsAnSmb1Negotiate() {
        StreamBuilder s = new StreamBuilder().smb1(Smb1Command.NEGOTIATE, new NegotiateRequest(List.of("NT LM 0.12")),
                Smb1Flags2.NT_STATUS, 0, null);
        assertThat(run(new Smb1DisabledRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void smb1OnlyWhenTheClientOfferedSmb2() {
        StreamBuilder s = new StreamBuilder().smb1(Smb1Command.NEGOTIATE,
                new NegotiateRequest(List.of("NT LM 0.12", "SMB 2.002", "SMB 2.???")), Smb1Flags2.NT_STATUS, 0, smb1Response(3));
        assertThat(run(new Smb1OnlyRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void kerberosByIpWithNtlmFallback() {
        byte[] hint = org.smbscope.codec.spnego.NegTokenInit.serverHint(List.of(org.smbscope.codec.asn1.Oid.MS_KERBEROS,
                org.smbscope.codec.asn1.Oid.KERBEROS, org.smbscope.codec.asn1.Oid.NTLMSSP)).encode();
        StreamBuilder s = new StreamBuilder().smb2(Smb2Command.NEGOTIATE, new org.smbscope.codec.smb2.NegotiateRequest(EN,
                        org.smbscope.codec.smb2.Capabilities.NONE, org.smbscope.codec.dtyp.Guid.ZERO,
                        List.of(Smb2Dialect.SMB_3_0), List.of()), NtStatus.SUCCESS,
                new org.smbscope.codec.smb2.NegotiateResponse(EN, Smb2Dialect.SMB_3_0, org.smbscope.codec.dtyp.Guid.ZERO,
                        org.smbscope.codec.smb2.Capabilities.NONE, 65536, 65536, 65536, org.smbscope.codec.dtyp.FileTime.ZERO,
                        org.smbscope.codec.dtyp.FileTime.ZERO, hint, List.of()))
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 60)), NtStatus.SUCCESS, setupOk(SessionFlags.NONE));
        assertThat(run(new KerberosByIpRule(), s.observations())).isEmpty();
        assertThat(run(new KerberosByIpRule(), s.observations(new ClientPolicy(false, "192.168.1.63"), Set.of(), List.of())))
                .singleElement().satisfies(x -> {
                    assertThat(x.title()).contains("192.168.1.63");
                    assertThat(x.fix().registry()).contains("TryIPSPN");
                });
    }

    static byte[] ntlmv2With(String spn) {
        org.smbscope.codec.ntlm.TargetInfo ti = new org.smbscope.codec.ntlm.TargetInfo(List.of(
                org.smbscope.codec.ntlm.AvPair.text(org.smbscope.codec.ntlm.AvId.MSV_AV_TARGET_NAME, spn)));
        byte[] pairs = ti.encode();
        byte[] nt = new byte[16 + 28 + pairs.length + 4];
        nt[16] = 1;
        nt[17] = 1;
        System.arraycopy(pairs, 0, nt, 44, pairs.length);
        return new org.smbscope.codec.ntlm.AuthenticateMessage(java.util.EnumSet.of(
                org.smbscope.codec.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), new byte[24], nt, "LAB", "alice", "WS",
                new byte[0], null, null).encode();
    }

    static byte[] challengeFrom(String netbios, String dns) {
        org.smbscope.codec.ntlm.TargetInfo ti = new org.smbscope.codec.ntlm.TargetInfo(List.of(
                org.smbscope.codec.ntlm.AvPair.text(org.smbscope.codec.ntlm.AvId.MSV_AV_NB_COMPUTER_NAME, netbios),
                org.smbscope.codec.ntlm.AvPair.text(org.smbscope.codec.ntlm.AvId.MSV_AV_DNS_COMPUTER_NAME, dns)));
        return new org.smbscope.codec.ntlm.ChallengeMessage(java.util.EnumSet.of(
                org.smbscope.codec.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE,
                org.smbscope.codec.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_TARGET_INFO), netbios, new byte[8], ti, null).encode();
    }

    @Test
    void spnValidationRefusesAnAlias() {
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(new byte[0]), NtStatus.MORE_PROCESSING_REQUIRED,
                        new SessionSetupResponse(SessionFlags.NONE, challengeFrom("FS01", "fs01.example.com")))
                .smb2(Smb2Command.SESSION_SETUP, setup(ntlmv2With("cifs/files.example.com")), NtStatus.ACCESS_DENIED,
                        ErrorResponse.empty(Smb2Command.SESSION_SETUP));
        assertThat(run(new SpnValidationRule(), s.observations())).singleElement().satisfies(x -> {
            assertThat(x.title()).contains("files.example.com");
            assertThat(x.fix().registry()).contains("SmbServerNameHardeningLevel");
        });
        StreamBuilder own = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(new byte[0]), NtStatus.MORE_PROCESSING_REQUIRED,
                        new SessionSetupResponse(SessionFlags.NONE, challengeFrom("FS01", "fs01.example.com")))
                .smb2(Smb2Command.SESSION_SETUP, setup(ntlmv2With("cifs/fs01")), NtStatus.ACCESS_DENIED,
                        ErrorResponse.empty(Smb2Command.SESSION_SETUP));
        assertThat(run(new SpnValidationRule(), own.observations())).isEmpty();
    }

    @Test
    void clockSkewBeyondFiveMinutes() {
        StreamBuilder s = new StreamBuilder().negotiate(EN, List.of(Smb2Dialect.SMB_3_0), EN, Smb2Dialect.SMB_3_0,
                Duration.ofMinutes(7));
        assertThat(run(new ClockSkewRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.evidence().get(0).text()).contains("7 min", "ahead of"));
        assertThat(run(new ClockSkewRule(), new StreamBuilder().negotiate(Smb2Dialect.SMB_3_0).observations())).isEmpty();
    }

    @Test
    void netbiosNameNotRegistered() {
        NetbiosName name = NetbiosName.of("NOSUCH", 0x20);
        StreamBuilder s = new StreamBuilder(40000, 137)
                .nbns(NameServicePackets.query(7, name), true)
                .nbns(NameServicePackets.negativeResponse(7, name, NameServiceRcode.NAM_ERR), false);
        assertThat(run(new NetbiosNameRule(), s.observations())).singleElement()
                .satisfies(x -> assertThat(x.title()).contains("NOSUCH"));
        StreamBuilder neg = new StreamBuilder(40000, 139)
                .nbss(new NegativeSessionResponse(SessionError.CALLED_NAME_NOT_PRESENT), false);
        assertThat(run(new NetbiosNameRule(), neg.observations())).hasSize(1);
    }

    @Test
    void port445ClosedBut139Open() {
        Instant t = StreamBuilder.T0;
        Observations o = new Observations(List.of(), List.of(
                new TransportAttempt("127.0.0.10", 445, false, Duration.ofMillis(1), "connection refused", t),
                new TransportAttempt("127.0.0.10", 139, true, Duration.ofMillis(2), "", t)), ClientPolicy.UNKNOWN, Set.of());
        assertThat(run(new TransportRule(), o)).singleElement()
                .satisfies(x -> assertThat(x.title()).isEqualTo("Port 445 is closed but 139 (NetBIOS) is open"));
        Observations both = new Observations(List.of(), List.of(
                new TransportAttempt("127.0.0.10", 445, false, Duration.ofMillis(1), "connection refused", t),
                new TransportAttempt("127.0.0.10", 139, false, Duration.ofMillis(2), "connection refused", t)),
                ClientPolicy.UNKNOWN, Set.of());
        assertThat(run(new TransportRule(), both)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void everyRuleHasADistinctNameAndAHealthyStreamHasNoFinding() {
        assertThat(Diagnosis.rules()).extracting(Rule::name).doesNotHaveDuplicates().hasSize(20);
        StreamBuilder s = new StreamBuilder().negotiate(Smb2Dialect.SMB_3_1_1)
                .smb2(Smb2Command.SESSION_SETUP, setup(StreamBuilder.auth("alice", 60)), NtStatus.SUCCESS, setupOk(SessionFlags.NONE))
                .smb2(Smb2Command.TREE_CONNECT, new TreeConnectRequest("\\\\srv\\share"), NtStatus.SUCCESS,
                        new TreeConnectResponse(ShareType.DISK, ShareFlags.NONE, new ShareCapabilities(0),
                                new org.smbscope.codec.smb2.AccessMask(0x1f01ff)));
        assertThat(Diagnosis.run(s.observations())).isEmpty();
    }
}
