package org.smbscope.codec.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.spnego.SpnegoToken;
import org.smbscope.codec.wire.Hex;

/** RFC 4120 messages: a hand-annotated KRB-ERROR and real ones from the lab's MIT KDC and Samba. */
public class KerberosMessageTest {

    /** KRB_AP_ERR_SKEW as an acceptor would send it; every field annotated. */
    public static final byte[] SKEW = Hex.parse("""
            7e 6d                                   # [APPLICATION 30] KRB-ERROR, 109 bytes
              30 6b                                 # SEQUENCE
                a0 03 02 01 05                      # pvno [0] 5
                a1 03 02 01 1e                      # msg-type [1] 30
                a4 11 18 0f 32 30 32 36 31 31 32 31 # stime [4] GeneralizedTime
                   30 32 35 31 34 39 5a             #   "20261121025149Z"
                a5 03 02 01 00                      # susec [5] 0
                a6 03 02 01 25                      # error-code [6] 37 KRB_AP_ERR_SKEW
                a9 0a 1b 08 4c 41 42 2e 54 45 53 54 # realm [9] "LAB.TEST"
                aa 1e 30 1c                         # sname [10] PrincipalName
                   a0 03 02 01 02                   #   name-type [0] 2 NT-SRV-INST
                   a1 15 30 13                      #   name-string [1] SEQUENCE OF
                      1b 04 63 69 66 73             #     "cifs"
                      1b 0b 66 73 2e 6c 61 62 2e    #     "fs.lab.test"
                            74 65 73 74
                ab 16 1b 14 43 6c 6f 63 6b 20 73 6b # e-text [11] "Clock skew too great"
                   65 77 20 74 6f 6f 20 67 72 65 61 74
            """);

    @Test
    void annotatedSkewError() throws Exception {
        KrbError e = (KrbError) KerberosMessage.decode(SKEW);
        assertThat(e).isEqualTo(new KrbError(null, null, Instant.parse("2026-11-21T02:51:49Z"), 0, ErrorCode.SKEW,
                null, null, "LAB.TEST", new PrincipalName(NameType.SRV_INST, List.of("cifs", "fs.lab.test")),
                "Clock skew too great", null));
        assertThat(e.errorCode().name()).isEqualTo("KRB_AP_ERR_SKEW");
        assertThat(e.service()).isEqualTo("cifs/fs.lab.test@LAB.TEST");
        assertThat(e.summary()).isEqualTo("KRB_AP_ERR_SKEW (37): Clock skew too great [Clock skew too great]");
        assertThat(e.detail().render()).isEqualTo("""
                krb-error
                  pvno: 5
                  msg-type: KRB-ERROR (30)
                  stime: 2026-11-21 02:51:49 UTC
                  susec: 0
                  error-code: KRB_AP_ERR_SKEW (37) - Clock skew too great
                  realm: LAB.TEST
                  sname: cifs/fs.lab.test (NT-SRV-INST (2))
                  e-text: Clock skew too great
                """);
    }

    @Test
    void serverPrincipalUnknownFromTheKdc() throws Exception {
        KrbError e = (KrbError) KerberosMessage.decode(KerberosCaptures.load("krb-error-s-principal-unknown"));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.S_PRINCIPAL_UNKNOWN);
        assertThat(e.errorCode().value()).isEqualTo(7);
        assertThat(e.service()).isEqualTo("cifs/127.0.0.21@LAB.TEST");
        assertThat(e.client()).isEqualTo("alice@LAB.TEST");
        assertThat(e.eText()).isEqualTo("LOOKING_UP_SERVER");
        assertThat(e.methodData()).extracting(PaData::type).containsExactly(new PaDataType(136));
        assertThat(e.detail().render()).isEqualTo("""
                krb-error
                  pvno: 5
                  msg-type: KRB-ERROR (30)
                  stime: 2026-11-21 02:51:49 UTC
                  susec: 23934
                  error-code: KDC_ERR_S_PRINCIPAL_UNKNOWN (7) - Server not found in Kerberos database
                  crealm: LAB.TEST
                  cname: alice (NT-PRINCIPAL (1))
                  realm: LAB.TEST
                  sname: cifs/127.0.0.21 (NT-PRINCIPAL (1))
                  e-text: LOOKING_UP_SERVER
                  e-data: METHOD-DATA, 1 item
                    PA-DATA PA-FX-FAST
                      padata-type: PA-FX-FAST (136)
                      padata-value: 225 bytes
                """);
    }

    @Test
    void preauthRequiredListsTheSalt() throws Exception {
        KrbError e = (KrbError) KerberosMessage.decode(KerberosCaptures.load("krb-error-preauth-required"));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.PREAUTH_REQUIRED);
        assertThat(e.eText()).isEqualTo("NEEDED_PREAUTH");
        assertThat(e.methodData()).extracting(p -> p.type().name())
                .containsExactly("PA-FX-FAST", "PA-ETYPE-INFO2", "PA-ENC-TIMESTAMP", "PA-FX-COOKIE");
        assertThat(e.detail().render()).contains(
                "ETYPE-INFO2-ENTRY: aes256-cts-hmac-sha1-96 (18), salt LAB.TESTalice");
    }

    @Test
    void asRequestWithoutAndWithPreauth() throws Exception {
        KdcRequest first = (KdcRequest) KerberosMessage.decode(KerberosCaptures.load("as-req-no-preauth"));
        assertThat(first.type()).isEqualTo(MessageType.AS_REQ);
        assertThat(first.cname().withRealm(first.realm())).isEqualTo("alice@LAB.TEST");
        assertThat(first.service()).isEqualTo("krbtgt/LAB.TEST@LAB.TEST");
        assertThat(first.sname().isTgs()).isTrue();
        assertThat(first.etypes()).startsWith(EncryptionType.AES256_CTS_HMAC_SHA1_96,
                EncryptionType.AES128_CTS_HMAC_SHA1_96).hasSize(8);
        assertThat(first.kdcOptionNames()).containsExactly("forwardable", "renewable-ok");
        assertThat(first.has(PaDataType.ENC_TIMESTAMP)).isFalse();
        assertThat(first.till()).isEqualTo(Instant.parse("2026-11-21T12:51:46Z"));
        KdcRequest second = (KdcRequest) KerberosMessage.decode(KerberosCaptures.load("as-req-enc-timestamp"));
        assertThat(second.has(PaDataType.ENC_TIMESTAMP)).isTrue();
        assertThat(second.detail().render()).contains("""
                    PA-DATA PA-ENC-TIMESTAMP
                      padata-type: PA-ENC-TIMESTAMP (2)
                      padata-value: 67 bytes
                      PA-ENC-TIMESTAMP
                        etype: aes256-cts-hmac-sha1-96 (18)
                        cipher: 56 bytes
                """);
    }

    @Test
    void asReplyCarriesTheTgt() throws Exception {
        KdcReply r = (KdcReply) KerberosMessage.decode(KerberosCaptures.load("as-rep"));
        assertThat(r.type()).isEqualTo(MessageType.AS_REP);
        assertThat(r.client()).isEqualTo("alice@LAB.TEST");
        assertThat(r.ticket().server()).isEqualTo("krbtgt/LAB.TEST@LAB.TEST");
        assertThat(r.ticket().encPart().kvno()).isEqualTo(1L);
        assertThat(r.encPart().etype()).isEqualTo(EncryptionType.AES256_CTS_HMAC_SHA1_96);
    }

    @Test
    void tgsRequestByNameAndByIp() throws Exception {
        KdcRequest byName = (KdcRequest) KerberosMessage.decode(KerberosCaptures.load("tgs-req-by-name"));
        assertThat(byName.type()).isEqualTo(MessageType.TGS_REQ);
        assertThat(byName.cname()).isNull();
        assertThat(byName.service()).isEqualTo("cifs/fileserver.lab.test@LAB.TEST");
        assertThat(byName.canonicalize()).isTrue();
        assertThat(byName.detail().render()).contains("""
                    PA-DATA PA-TGS-REQ
                      padata-type: PA-TGS-REQ (1)
                      padata-value: 615 bytes
                      ap-req
                """, "sname: krbtgt/LAB.TEST (NT-SRV-INST (2))", "kdc-options: 40010000 (forwardable, canonicalize)");
        KdcRequest byIp = (KdcRequest) KerberosMessage.decode(KerberosCaptures.load("tgs-req-by-ip"));
        assertThat(byIp.service()).isEqualTo("cifs/127.0.0.21@LAB.TEST");
        KdcReply rep = (KdcReply) KerberosMessage.decode(KerberosCaptures.load("tgs-rep-by-name"));
        assertThat(rep.type()).isEqualTo(MessageType.TGS_REP);
        assertThat(rep.ticket().server()).isEqualTo("cifs/fileserver.lab.test@LAB.TEST");
        assertThat(rep.ticket().encPart().kvno()).isEqualTo(2L);
    }

    @Test
    void apReqInsideSpnegoFromSmbclient() throws Exception {
        NegTokenInit init = (NegTokenInit) SpnegoToken.decode(KerberosCaptures.load("spnego-init-ap-req"));
        assertThat(init.mechTypes()).containsExactly(Oid.MS_KERBEROS, Oid.KERBEROS);
        GssKrb5Token token = (GssKrb5Token) KerberosMessage.decode(init.mechToken());
        assertThat(token.mech()).isEqualTo(Oid.KERBEROS);
        assertThat(token.tokenId()).isEqualTo(GssKrb5Token.AP_REQ);
        ApReq ap = (ApReq) token.message();
        assertThat(ap.ticket().server()).isEqualTo("cifs/fileserver.lab.test@LAB.TEST");
        assertThat(ap.mutualRequired()).isTrue();
        assertThat(ap.toString()).isEqualTo(
                "AP-REQ[ticket for cifs/fileserver.lab.test@LAB.TEST (aes256-cts-hmac-sha1-96, kvno 2), mutual]");
        assertThat(init.detail().render()).contains("""
                        krb5_blob
                          krb5_tok_id: KRB5_AP_REQ (0x0100)
                          ap-req
                            pvno: 5
                            msg-type: AP-REQ (14)
                            ap-options: 20000000 (mutual-required)
                            ticket
                              tkt-vno: 5
                              realm: LAB.TEST
                              sname: cifs/fileserver.lab.test (NT-PRINCIPAL (1))
                """);
    }

    @Test
    void apRepInsideSpnegoFromSamba() throws Exception {
        NegTokenResp resp = (NegTokenResp) SpnegoToken.decode(KerberosCaptures.load("spnego-resp-ap-rep"));
        GssKrb5Token token = (GssKrb5Token) KerberosMessage.decode(resp.responseToken());
        assertThat(token.tokenId()).isEqualTo(GssKrb5Token.AP_REP);
        assertThat(((ApRep) token.message()).encPart().etype()).isEqualTo(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        assertThat(KerberosMessage.looksLikeKerberos(resp.responseToken())).isTrue();
    }

    @Test
    void tcpRecordMarker() throws Exception {
        byte[] rec = new byte[SKEW.length + 4];
        rec[3] = (byte) SKEW.length;
        System.arraycopy(SKEW, 0, rec, 4, SKEW.length);
        assertThat(KerberosMessage.decodeTcpRecord(rec)).isEqualTo(KerberosMessage.decode(SKEW));
        rec[3]++;
        assertThatThrownBy(() -> KerberosMessage.decodeTcpRecord(rec)).isInstanceOf(KerberosDecodeException.class)
                .hasMessageContaining("declares 112 bytes, 111 follow");
        rec[0] = (byte) 0x80;
        assertThatThrownBy(() -> KerberosMessage.decodeTcpRecord(rec)).hasMessageContaining("reserved high bit");
    }

    @Test
    void openCodesKeepTheirNumber() {
        assertThat(new ErrorCode(99).name()).isEqualTo("UNKNOWN(99)");
        assertThat(new ErrorCode(7).toString()).isEqualTo("KDC_ERR_S_PRINCIPAL_UNKNOWN (7)");
        assertThat(new EncryptionType(-135).name()).isEqualTo("UNKNOWN(-135)");
        assertThat(new EncryptionType(23).isWeak()).isTrue();
        assertThat(new MessageType(22).name()).isEqualTo("KRB-CRED");
        assertThat(new PaDataType(9999).name()).isEqualTo("UNKNOWN(9999)");
        assertThat(new NameType(-128).name()).isEqualTo("NT-MS-PRINCIPAL");
    }

    // ---- hostile inputs ----

    @Test
    void truncatedAtEveryLength() {
        byte[] real = KerberosCaptures.load("tgs-req-by-name");
        for (int n = 0; n < real.length; n++) {
            byte[] cut = Arrays.copyOf(real, n);
            assertThatThrownBy(() -> KerberosMessage.decode(cut)).isInstanceOf(KerberosDecodeException.class);
        }
    }

    @Test
    void lengthPastTheEnd() {
        byte[] huge = Hex.parse("7e 84 7f ff ff ff 30 00   # KRB-ERROR claiming 2 GiB");
        assertThatThrownBy(() -> KerberosMessage.decode(huge)).isInstanceOf(KerberosDecodeException.class)
                .hasMessageContaining("past the end");
    }

    @Test
    void trailingGarbage() {
        byte[] extra = Arrays.copyOf(SKEW, SKEW.length + 1);
        assertThatThrownBy(() -> KerberosMessage.decode(extra)).isInstanceOf(KerberosDecodeException.class);
    }

    @Test
    void wrongMsgTypeForTheTag() {
        byte[] bad = SKEW.clone();
        bad[13] = 0x0b; // msg-type 11 inside [APPLICATION 30]
        assertThatThrownBy(() -> KerberosMessage.decode(bad)).isInstanceOf(KerberosDecodeException.class)
                .hasMessageContaining("msg-type 11 in a message tagged [APPLICATION 30]");
    }

    @Test
    void badPvno() {
        byte[] bad = SKEW.clone();
        bad[8] = 0x04;
        assertThatThrownBy(() -> KerberosMessage.decode(bad)).hasMessageContaining("protocol version 4");
    }

    @Test
    void badTime() {
        byte[] bad = SKEW.clone();
        bad[20] = 'x';
        assertThatThrownBy(() -> KerberosMessage.decode(bad)).isInstanceOf(KerberosDecodeException.class)
                .hasMessageContaining("KerberosTime");
    }

    @Test
    void unknownApplicationTag() {
        byte[] safe = Hex.parse("74 02 30 00   # [APPLICATION 20] KRB-SAFE");
        assertThatThrownBy(() -> KerberosMessage.decode(safe)).hasMessageContaining("KRB-SAFE");
    }

    @Test
    void gssTokenWithWrongTokIdOrMech() {
        byte[] init = KerberosCaptures.load("spnego-init-ap-req");
        byte[] token = ((NegTokenInit) assertDecodes(init)).mechToken();
        byte[] wrongId = token.clone();
        wrongId[15] = 0x02; // TOK_ID 02 00 before an AP-REQ
        assertThatThrownBy(() -> KerberosMessage.decode(wrongId)).hasMessageContaining("TOK_ID 0200");
        byte[] spnego = Hex.parse("60 08 06 06 2b 06 01 05 05 02   # GSS token, SPNEGO OID");
        assertThatThrownBy(() -> KerberosMessage.decode(spnego)).hasMessageContaining("not Kerberos");
        assertThat(KerberosMessage.looksLikeKerberos(spnego)).isFalse();
    }

    private static SpnegoToken assertDecodes(byte[] b) {
        try {
            return SpnegoToken.decode(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
