package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class Krb5ProfileTest {
    static final String CONF = """
            # a site's krb5.conf
            [libdefaults]
                default_realm = LAB.TEST   ; the realm
                udp_preference_limit = 1465
                dns_lookup_kdc = false
            [realms]
                OTHER.TEST = {
                    kdc = other-dc.other.test
                }
                LAB.TEST = {
                    kdc = dc1.lab.test:8888
                    kdc = dc2.lab.test
                    admin_server = dc1.lab.test
                }
            [domain_realm]
                .lab.test = LAB.TEST
            """;

    @Test
    void defaultRealmAndItsFirstKdc() {
        Krb5Profile p = Krb5Profile.of(CONF);
        assertThat(p.defaultRealm()).contains("LAB.TEST");
        assertThat(p.kdc("LAB.TEST")).contains(InetSocketAddress.createUnresolved("dc1.lab.test", 8888));
        assertThat(p.kdc("lab.test")).isPresent();
        assertThat(p.kdc("OTHER.TEST")).contains(InetSocketAddress.createUnresolved("other-dc.other.test", 88));
        assertThat(p.kdc("NONE.TEST")).isEmpty();
    }

    @Test
    void relayedProfilePointsTheRealmAtTheRelayOverTcp() {
        String r = Krb5Profile.of(CONF).relayedTo("LAB.TEST", "127.0.0.1:40000");
        Krb5Profile p = Krb5Profile.of(r);
        assertThat(p.kdc("LAB.TEST")).contains(InetSocketAddress.createUnresolved("127.0.0.1", 40000));
        assertThat(p.kdc("OTHER.TEST")).contains(InetSocketAddress.createUnresolved("other-dc.other.test", 88));
        assertThat(r).contains("udp_preference_limit = 1").doesNotContain("1465").doesNotContain("dc2.lab.test")
                .contains("admin_server = dc1.lab.test").contains(".lab.test = LAB.TEST");
    }

    @Test
    void aProfileWithoutLibdefaultsGetsOne() {
        String r = Krb5Profile.of("[realms]\n  X.TEST = {\n    kdc = 10.0.0.1\n  }\n").relayedTo("X.TEST", "127.0.0.1:1");
        assertThat(r).startsWith("[libdefaults]\n    udp_preference_limit = 1").contains("kdc = 127.0.0.1:1");
        assertThat(Krb5Profile.of(r).defaultRealm()).isEmpty();
    }
}
