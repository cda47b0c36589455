package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smbscope.server.smb1.Smb1TestPeer.UNICODE_NT;
import static org.smbscope.server.smb1.Smb1TestPeer.request;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.ntlm.NtlmCrypto;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.EchoMessage;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.SessionSetupAndXResponse;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.Smb1Signer;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.codec.smb1.TreeConnectAndXResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.config.ServerConfig;

class Smb1DispatcherTest {
    @TempDir
    Path dir;

    private static final List<String> NT1_ONLY = List.of("PC NETWORK PROGRAM 1.0", "LANMAN1.0", "NT LM 0.12");

    private static byte[] only(List<byte[]> replies) {
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private NegotiateResponse negotiate(Smb1Dispatcher d, int flags2) throws Exception {
        byte[] reply = only(d.onFrame(request(flags2, 0, 0, List.of(new NegotiateRequest(NT1_ONLY)))));
        return (NegotiateResponse) Smb1Messages.decode(reply).get(0);
    }

    private static SessionSetupAndXRequest ntlmv2Setup(byte[] challenge, String password) {
        return ntlmv2Setup(challenge, password, new byte[4]);
    }

    private static SessionSetupAndXRequest ntlmv2Setup(byte[] challenge, String password, byte[] avPairs) {
        byte[] key = NtlmCrypto.ntowfv2(PasswordHashes.nt(password), "alice", "OLDWG");
        byte[] cc = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] nt = NtlmCrypto.ntlmv2Response(key, challenge, cc, 0x01DC_0000_0000_0000L, avPairs);
        byte[] lm = NtlmCrypto.lmv2Response(key, challenge, cc);
        return SessionSetupAndXRequest.ntlm012(65535, 50, 0, 0, new Capabilities(Capabilities.UNICODE
                | Capabilities.NT_SMBS | Capabilities.STATUS32), lm, nt, "alice", "OLDWG", "Unix", "test");
    }

    @Test
    void negotiateNonExtendedCarriesChallengeNamesAndSecurityMode() throws Exception {
        for (String signing : List.of("disabled", "auto", "mandatory")) {
            Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, "server signing = " + signing));
            NegotiateResponse r = negotiate(d, UNICODE_NT);
            assertThat(r.dialectIndex()).isEqualTo(2);
            assertThat(r.securityMode().value()).isEqualTo(switch (signing) {
                case "disabled" -> 3;
                case "auto" -> 7;
                default -> 15;
            });
            assertThat(r.extendedSecurity()).isFalse();
            assertThat(r.challenge()).hasSize(8);
            assertThat(r.domainName()).isEqualTo("OLDWG");
            assertThat(r.serverName()).isEqualTo("OLDHOST");
            assertThat(r.capabilities().has(Capabilities.LARGE_READX)).isTrue();
            assertThat(r.capabilities().has(Capabilities.LARGE_WRITEX)).isTrue();
            assertThat(r.capabilities().has(Capabilities.NT_FIND)).isTrue();
            assertThat(r.capabilities().has(Capabilities.STATUS32)).isTrue();
            assertThat(r.maxBufferSize()).isEqualTo(65535);
            assertThat(r.maxMpxCount()).isEqualTo(50);
        }
    }

    @Test
    void negotiateExtendedCarriesGuidAndSpnegoHint() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""));
        NegotiateResponse r = negotiate(d, UNICODE_NT | Smb1Flags2.EXTENDED_SECURITY);
        assertThat(r.extendedSecurity()).isTrue();
        assertThat(r.serverGuid()).hasSize(16);
        assertThat(r.securityBlob()).isNotEmpty();
    }

    @Test
    void noNt1DialectGetsNoDialect() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""));
        byte[] reply = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(new NegotiateRequest(List.of("LANMAN1.0"))))));
        assertThat(((NegotiateResponse) Smb1Messages.decode(reply).get(0)).isNoDialect()).isTrue();
    }

    @Test
    void nonExtendedNtlmv2LogonAndTreeConnectInOneChain() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, "ntlm auth = ntlmv2-only"));
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        byte[] reply = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(), "Passw0rd!"),
                new TreeConnectAndXRequest(0, new byte[1], "\\\\OLDHOST\\IPC$", "?????")))));
        Smb1Packet p = Smb1Packet.decode(reply);
        assertThat(p.header().status()).isZero();
        assertThat(p.header().uid()).isNotZero();
        assertThat(p.header().tid()).isNotZero();
        List<Smb1Message> ms = Smb1Messages.decode(reply);
        assertThat(ms.get(0)).isInstanceOf(SessionSetupAndXResponse.class);
        assertThat(((TreeConnectAndXResponse) ms.get(1)).service()).isEqualTo("IPC");
        byte[] echo = only(d.onFrame(request(UNICODE_NT, p.header().uid(), p.header().tid(),
                List.of(new EchoMessage(false, 1, new byte[] {9, 9})))));
        assertThat(((EchoMessage) Smb1Messages.decode(echo).get(0)).data()).containsExactly(9, 9);
    }

    @Test
    void chainStopsAtTheFailingCommand() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""));
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        byte[] reply = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(), "Passw0rd!"),
                new TreeConnectAndXRequest(0, new byte[1], "\\\\OLDHOST\\nosuch", "?????")))));
        Smb1Packet p = Smb1Packet.decode(reply);
        assertThat(p.header().ntStatusValue()).isEqualTo(NtStatus.BAD_NETWORK_NAME);
        assertThat(p.blocks()).hasSize(2);
        assertThat(p.blocks().get(1).wordCount()).isZero();
    }

    @Test
    void wrongPasswordAndNtlmv1AreLogonFailures() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, "ntlm auth = ntlmv2-only"));
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        byte[] bad = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(), "wrong")))));
        assertThat(Smb1Packet.decode(bad).header().ntStatusValue()).isEqualTo(NtStatus.LOGON_FAILURE);
        byte[] v1 = NtlmCrypto.ntlmv1Response(PasswordHashes.nt("Passw0rd!"), n.challenge());
        SessionSetupAndXRequest req = SessionSetupAndXRequest.ntlm012(65535, 50, 0, 0, new Capabilities(0), v1, v1,
                "alice", "OLDWG", "Unix", "test");
        byte[] refused = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(req))));
        assertThat(Smb1Packet.decode(refused).header().ntStatusValue()).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void ntlmv1AcceptedWhenPermittedAndSigningStartsWithTheSetupResponse() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, "ntlm auth = yes\nserver signing = mandatory"));
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        byte[] v1 = NtlmCrypto.ntlmv1Response(PasswordHashes.nt("Passw0rd!"), n.challenge());
        SessionSetupAndXRequest req = SessionSetupAndXRequest.ntlm012(65535, 50, 0, 0, new Capabilities(0), v1, v1,
                "alice", "OLDWG", "Unix", "test");
        byte[] ok = only(d.onFrame(request(UNICODE_NT | Smb1Flags2.SMB_SECURITY_SIGNATURE, 0, 0, List.of(req))));
        Smb1Packet p = Smb1Packet.decode(ok);
        assertThat(p.header().status()).isZero();
        byte[] mac = Smb1Signer.macKey(NtlmCrypto.sessionBaseKeyV1(PasswordHashes.nt("Passw0rd!")), v1);
        assertThat(Smb1Signer.verify(mac, ok, 1)).isTrue();
        // the next request is sequence 2; an unsigned one drops the connection
        byte[] echo = request(UNICODE_NT | Smb1Flags2.SMB_SECURITY_SIGNATURE, p.header().uid(), 0,
                List.of(new EchoMessage(false, 1, new byte[1])));
        byte[] reply = only(d.onFrame(Smb1Signer.sign(mac, echo, 2)));
        assertThat(Smb1Signer.verify(mac, reply, 3)).isTrue();
        assertThatThrownBy(() -> d.onFrame(echo)).isInstanceOf(Smb1Dispatcher.Drop.class)
                .hasMessageContaining("bad signature");
    }

    @Test
    void hostileFramesDropTheConnection() throws Exception {
        ServerConfig c = Smb1TestPeer.config(dir, "");
        byte[] neg = request(UNICODE_NT, 0, 0, List.of(new NegotiateRequest(NT1_ONLY)));
        assertThatThrownBy(() -> Smb1TestPeer.dispatcher(c).onFrame(Arrays.copyOf(neg, 20)))
                .isInstanceOf(Smb1Dispatcher.Drop.class);
        byte[] lyingWords = neg.clone();
        lyingWords[32] = (byte) 200;
        assertThatThrownBy(() -> Smb1TestPeer.dispatcher(c).onFrame(lyingWords)).isInstanceOf(Smb1Dispatcher.Drop.class);
        byte[] lyingBytes = neg.clone();
        lyingBytes[33] = (byte) 0xFF;
        lyingBytes[34] = (byte) 0x7F;
        assertThatThrownBy(() -> Smb1TestPeer.dispatcher(c).onFrame(lyingBytes)).isInstanceOf(Smb1Dispatcher.Drop.class);
        byte[] echoFirst = request(UNICODE_NT, 0, 0, List.of(new EchoMessage(false, 1, new byte[1])));
        assertThatThrownBy(() -> Smb1TestPeer.dispatcher(c).onFrame(echoFirst)).isInstanceOf(Smb1Dispatcher.Drop.class)
                .hasMessageContaining("not NEGOTIATE");
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(c);
        d.onFrame(neg);
        assertThatThrownBy(() -> d.onFrame(neg)).isInstanceOf(Smb1Dispatcher.Drop.class);
    }

    @Test
    void takesOverOnlyNt1NegotiatesWhenNt1IsAllowed() throws Exception {
        ServerConfig nt1 = Smb1TestPeer.config(dir, "");
        byte[] only1 = request(UNICODE_NT, 0, 0, List.of(new NegotiateRequest(NT1_ONLY)));
        byte[] multi = request(UNICODE_NT, 0, 0, List.of(new NegotiateRequest(List.of("NT LM 0.12", "SMB 2.002",
                "SMB 2.???"))));
        assertThat(Smb1Connection.takesOver(nt1, only1)).isTrue();
        assertThat(Smb1Connection.takesOver(nt1, multi)).isFalse();
        ServerConfig smb2 = Smb1TestPeer.config(dir, "server min protocol = SMB2_02");
        assertThat(Smb1Connection.takesOver(smb2, only1)).isFalse();
        ServerConfig nt1Only = Smb1TestPeer.config(dir, "server max protocol = NT1");
        assertThat(Smb1Connection.takesOver(nt1Only, multi)).isTrue();
        assertThat(Smb1Connection.takesOver(nt1, new byte[] {(byte) 0xFE, 'S', 'M', 'B'})).isFalse();
    }

    @Test
    void spnTargetValidationRequiredRefusesAnAddressTarget() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, "server spn target name validation = required"));
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        byte[] pairs = new org.smbscope.codec.ntlm.TargetInfo(List.of(org.smbscope.codec.ntlm.AvPair.text(
                org.smbscope.codec.ntlm.AvId.MSV_AV_TARGET_NAME, "cifs/10.9.9.9"))).encode();
        byte[] refused = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(), "Passw0rd!", pairs)))));
        assertThat(Smb1Packet.decode(refused).header().ntStatusValue()).isEqualTo(NtStatus.ACCESS_DENIED);
        byte[] ours = new org.smbscope.codec.ntlm.TargetInfo(List.of(org.smbscope.codec.ntlm.AvPair.text(
                org.smbscope.codec.ntlm.AvId.MSV_AV_TARGET_NAME, "cifs/OLDHOST"))).encode();
        byte[] ok = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(), "Passw0rd!", ours)))));
        assertThat(Smb1Packet.decode(ok).header().status()).isZero();
    }

    @Test
    void secondaryTransactionsAreReassembled() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""));
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        byte[] setup = only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(), "Passw0rd!"),
                new TreeConnectAndXRequest(0, new byte[1], "\\\\OLDHOST\\IPC$", "?????")))));
        Smb1Packet sp = Smb1Packet.decode(setup);
        int uid = sp.header().uid();
        int tid = sp.header().tid();
        // RAP NetServerGetInfo level 1 ("WrLh" "B16BBDz"), parameters sent in two pieces
        byte[] params = new org.smbscope.codec.rap.RapRequest.NetServerGetInfo(1, 4096).encode();
        byte[] first = java.util.Arrays.copyOf(params, 5);
        byte[] rest = java.util.Arrays.copyOfRange(params, 5, params.length);
        org.smbscope.codec.smb1.TransactionRequest primary = new org.smbscope.codec.smb1.TransactionRequest(
                org.smbscope.codec.smb1.Smb1Command.TRANSACTION, "\\PIPE\\LANMAN", params.length, 0, 8, 4096, 0, 0, 0,
                new int[0], first, new byte[0]);
        byte[] interim = only(d.onFrame(request(UNICODE_NT, uid, tid, List.of(primary))));
        assertThat(Smb1Packet.decode(interim).first().wordCount()).isZero();
        org.smbscope.codec.smb1.TransactionSecondaryRequest sec = new org.smbscope.codec.smb1.TransactionSecondaryRequest(
                org.smbscope.codec.smb1.Smb1Command.TRANSACTION_SECONDARY, params.length, 0, 5, 0, 0, rest, new byte[0]);
        byte[] reply = only(d.onFrame(request(UNICODE_NT, uid, tid, List.of(sec))));
        org.smbscope.codec.smb1.TransactionResponse tr = (org.smbscope.codec.smb1.TransactionResponse) Smb1Messages.decode(reply).get(0);
        org.smbscope.codec.rap.RapResponse.NetServerGetInfo info = org.smbscope.codec.rap.RapResponse.NetServerGetInfo.decode(
                tr.parameters(), tr.data());
        assertThat(info.info().name()).isEqualTo("OLDHOST");
    }

    private List<org.smbscope.codec.rap.ServerInfo1> serverEnum2(Smb1Dispatcher d, long mask) throws Exception {
        NegotiateResponse n = negotiate(d, UNICODE_NT);
        Smb1Packet sp = Smb1Packet.decode(only(d.onFrame(request(UNICODE_NT, 0, 0, List.of(ntlmv2Setup(n.challenge(),
                "Passw0rd!"), new TreeConnectAndXRequest(0, new byte[1], "\\\\OLDHOST\\IPC$", "?????"))))));
        byte[] params = new org.smbscope.codec.rap.RapRequest.NetServerEnum2(1, 8192,
                new org.smbscope.codec.rap.ServerType(mask), "").encode();
        org.smbscope.codec.smb1.TransactionRequest t = new org.smbscope.codec.smb1.TransactionRequest(
                org.smbscope.codec.smb1.Smb1Command.TRANSACTION, "\\PIPE\\LANMAN", params.length, 0, 8, 8192, 0, 0, 0,
                new int[0], params, new byte[0]);
        byte[] reply = only(d.onFrame(request(UNICODE_NT, sp.header().uid(), sp.header().tid(), List.of(t))));
        org.smbscope.codec.smb1.TransactionResponse tr = (org.smbscope.codec.smb1.TransactionResponse) Smb1Messages.decode(reply).get(0);
        return org.smbscope.codec.rap.RapResponse.NetServerEnum2.decode(tr.parameters(), tr.data()).servers();
    }

    @Test
    void netServerEnum2ServesTheBrowseListPlusOurselves() throws Exception {
        org.smbscope.codec.rap.ServerInfo1 other = new org.smbscope.codec.rap.ServerInfo1("ZED", 6, 1,
                new org.smbscope.codec.rap.ServerType(0x1003), "other host");
        org.smbscope.codec.rap.ServerInfo1 wg = new org.smbscope.codec.rap.ServerInfo1("ELSEWG", 0, 0,
                new org.smbscope.codec.rap.ServerType(0x80001000L), "ZED");
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""),
                mask -> mask == 0x80000000L ? List.of(wg) : List.of(other));
        assertThat(serverEnum2(d, 0xFFFFFFFFL)).extracting(org.smbscope.codec.rap.ServerInfo1::name)
                .containsExactly("OLDHOST", "ZED");
        Smb1Dispatcher d2 = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""),
                mask -> mask == 0x80000000L ? List.of(wg) : List.of(other));
        assertThat(serverEnum2(d2, 0x80000000L)).extracting(org.smbscope.codec.rap.ServerInfo1::name)
                .containsExactly("ELSEWG", "OLDWG");
    }

    @Test
    void netServerEnum2WithoutABrowseListAnswersOurselves() throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""), mask -> null);
        assertThat(serverEnum2(d, 0xFFFFFFFFL)).extracting(org.smbscope.codec.rap.ServerInfo1::name)
                .containsExactly("OLDHOST");
    }
}
