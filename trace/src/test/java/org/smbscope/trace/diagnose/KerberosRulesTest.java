package org.smbscope.trace.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.kerberos.KrbError;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.capture.PcapWriter;
import org.smbscope.trace.event.CaptureExchanges;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;
import org.smbscope.trace.explain.Captures;
import org.smbscope.trace.explain.Explainer;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;

/**
 * The Kerberos rules on captures our client made against Samba and a private MIT KDC (interop
 * {@code KerberosCaptureAnalyzeTest}, tshark on lo, Kerberos over TCP), and on streams derived from
 * them: a KRB-ERROR's code changed to 37, 68 or 6; the KDC's answers removed; sent over UDP.
 */
class KerberosRulesTest {
    static List<Finding> diagnose(List<Exchange> exchanges) {
        return Diagnosis.run(Observations.of(MessageDecoder.decodeAll(exchanges)));
    }

    static List<String> rules(List<Finding> f) {
        return f.stream().map(Finding::rule).toList();
    }

    static Finding finding(List<Finding> f, String rule) {
        return f.stream().filter(x -> x.rule().equals(rule)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + rule + " in " + rules(f)));
    }

    @Test
    void byNameNoKerberosFindingAndTheNarrativeNamesTheTicket() throws Exception {
        List<Exchange> x = Captures.exchanges("krb-by-name.pcapng");
        assertThat(x).anyMatch(e -> e.layer() == Layer.KERBEROS);
        assertThat(rules(diagnose(x))).noneMatch(r -> r.startsWith("kerberos"));
        String text = Explainer.explainExchanges(x).render();
        assertThat(text).contains("Kerberos AS-REQ for krbtgt/SMBSCOPE.TEST@SMBSCOPE.TEST (client alice@SMBSCOPE.TEST)")
                .contains("KDC_ERR_PREAUTH_REQUIRED (25)")
                .contains("Kerberos TGS-REQ for cifs/fileserver.smbscope.test@SMBSCOPE.TEST")
                .contains("The KDC issued a service ticket for cifs/fileserver.smbscope.test@SMBSCOPE.TEST")
                .contains("Kerberos AP-REQ with a ticket for cifs/fileserver.smbscope.test@SMBSCOPE.TEST")
                .contains("mutual authentication done");
    }

    @Test
    void aliasWithoutSpnError7ThenNtlm() throws Exception {
        List<Finding> f = diagnose(Captures.exchanges("krb-alias-error7.pcapng"));
        Finding s = finding(f, "kerberos-spn-unknown");
        assertThat(s.severity()).isEqualTo(Severity.WARNING);
        assertThat(s.title()).isEqualTo("The KDC has no SPN cifs/fs-alias.smbscope.test: Kerberos failed, the client"
                + " fell back to NTLM");
        assertThat(s.evidence()).extracting(Evidence::frame).containsExactly(31L, 33L, 48L);
        assertThat(s.fix().windowsPolicy()).contains("setspn -S cifs/fs-alias.smbscope.test");
        assertThat(s.fix().smbConf()).contains("additional dns hostnames = fs-alias.smbscope.test");
        assertThat(rules(f)).doesNotContain("kerberos-no-kdc", "kerberos-skew", "kerberos-pac-refused");
    }

    @Test
    void byIpWithTryIpNamesTheAddressSpnAndTryIpSpn() throws Exception {
        List<Finding> f = diagnose(Captures.exchanges("krb-by-ip-tryip.pcapng"));
        Finding s = finding(f, "kerberos-spn-unknown");
        assertThat(s.title()).matches("The KDC has no SPN cifs/127\\.[0-9.]+: Kerberos failed, the client fell back to NTLM");
        assertThat(s.cause()).contains("(an IP address)");
        assertThat(s.fix().registry()).contains("TryIPSPN=1");
        assertThat(rules(f)).contains("kerberos-by-ip");
    }

    @Test
    void pacRefusedByAStandaloneServer() throws Exception {
        List<Finding> f = diagnose(Captures.exchanges("krb-pac-refused.pcapng"));
        Finding p = finding(f, "kerberos-pac-refused");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.title()).contains("cifs/pac.smbscope.test@SMBSCOPE.TEST").contains("NT_STATUS_BAD_TOKEN_TYPE");
        assertThat(p.userSees()).contains("System error 1349");
        assertThat(p.fix().smbConf()).contains("+no_auth_data_required cifs/pac.smbscope.test");
        assertThat(f.get(0).rule()).isEqualTo("kerberos-pac-refused");
    }

    /** The alias capture with the S_PRINCIPAL_UNKNOWN errors' code byte replaced. */
    static List<Exchange> withErrorCode(int code) throws Exception {
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : Captures.exchanges("krb-alias-error7.pcapng")) {
            byte[] p = e.payload();
            int at = indexOf(p, new byte[] {(byte) 0xa6, 3, 2, 1, 7});
            if (e.layer() == Layer.KERBEROS && p[0] == 0x7e && at >= 0) {
                p = p.clone();
                p[at + 4] = (byte) code;
            }
            out.add(new Exchange(e.index(), e.frame(), e.time(), e.client(), e.server(), e.direction(), e.layer(), p));
        }
        return out;
    }

    @Test
    void clockSkewFromTheKdc() throws Exception {
        List<Finding> f = diagnose(withErrorCode(37));
        Finding s = finding(f, "kerberos-skew");
        assertThat(s.title()).contains("KRB_AP_ERR_SKEW");
        assertThat(s.userSees()).contains("System error 1398");
        assertThat(s.evidence()).extracting(Evidence::frame).containsExactly(33L);
        assertThat(rules(f)).doesNotContain("kerberos-spn-unknown");
    }

    @Test
    void wrongRealmAndUnknownClient() throws Exception {
        for (int code : new int[] {68, 6}) {
            Finding w = finding(diagnose(withErrorCode(code)), "kerberos-wrong-realm");
            assertThat(w.title()).startsWith("The KDC for realm SMBSCOPE.TEST does not know");
            assertThat(w.fix().smbConf()).contains("default_realm = SMBSCOPE.TEST");
        }
    }

    @Test
    void noKdcAnswerThenNtlm() throws Exception {
        List<Exchange> x = Captures.exchanges("krb-alias-error7.pcapng").stream()
                .filter(not(e -> e.layer() == Layer.KERBEROS && e.direction() == Direction.SERVER_TO_CLIENT)).toList();
        List<Finding> f = diagnose(x);
        Finding n = finding(f, "kerberos-no-kdc");
        assertThat(n.title()).matches("No KDC answered at 127\\.[0-9.]+:88: no Kerberos ticket");
        assertThat(n.evidence().get(0).text()).contains("4 requests");
        assertThat(n.evidence().get(1).text()).contains("NTLMSSP");
        assertThat(n.severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnose(Captures.exchanges("krb-alias-error7.pcapng"))).extracting(Finding::rule)
                .doesNotContain("kerberos-no-kdc");
    }

    @Test
    void kerberosOverUdpReadsTheSame() throws Exception {
        List<Exchange> tcp = Captures.exchanges("krb-alias-error7.pcapng").stream()
                .filter(e -> e.layer() == Layer.KERBEROS).toList();
        byte[] pcap = PcapWriter.toBytes(tcp);
        List<Exchange> udp = new ArrayList<>();
        try (CaptureExchanges c = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(pcap)),
                CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e; (e = c.next()) != null; ) {
                udp.add(e);
            }
        }
        assertThat(udp).hasSameSizeAs(tcp).allMatch(e -> e.layer() == Layer.KERBEROS);
        for (int i = 0; i < tcp.size(); i++) {
            assertThat(udp.get(i).payload()).isEqualTo(tcp.get(i).payload());
            assertThat(udp.get(i).direction()).isEqualTo(tcp.get(i).direction());
        }
        List<Message> m = MessageDecoder.decodeAll(udp);
        assertThat(m).filteredOn(x -> x.decoded() instanceof KrbError).hasSize(3);
        assertThat(finding(Diagnosis.run(Observations.of(m)), "kerberos-spn-unknown").title())
                .contains("cifs/fs-alias.smbscope.test").endsWith("Kerberos failed");
    }

    @Test
    void aTruncatedKerberosMessageSaysWhyAndNoException() throws Exception {
        Exchange e = Captures.exchanges("krb-alias-error7.pcapng").stream().filter(x -> x.layer() == Layer.KERBEROS)
                .findFirst().orElseThrow();
        Exchange cut = new Exchange(1, 1, e.time(), e.client(), e.server(), e.direction(), e.layer(),
                java.util.Arrays.copyOf(e.payload(), 20));
        assertThat(MessageDecoder.decode(cut)).singleElement().satisfies(m ->
                assertThat(m.summary()).startsWith("malformed KERBEROS"));
    }

    static <T> Predicate<T> not(Predicate<T> p) {
        return p.negate();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
