package org.smbscope.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smbscope.server.config.KerberosServerConfig;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/** username map, SPN validation and the smb.conf Kerberos options. */
class KerberosNamesTest {
    @Test
    void usernameMapLikeSamba() {
        UsernameMap m = UsernameMap.parse("""
                # comment; the last matching line wins, a '!' line ends the search
                ; other comment
                nobody = *
                alice = alice@LAB.TEST
                root = admin "Domain Admin"
                !guest = visitor
                wrong = visitor
                """);
        assertThat(m.map("ALICE@lab.test")).contains("alice");
        assertThat(m.map("Domain Admin")).contains("root");
        assertThat(m.map("visitor")).contains("guest");
        assertThat(m.map("someone")).contains("nobody");
        assertThat(UsernameMap.empty().map("x")).isEmpty();
    }

    @Test
    void principalToUser() {
        UsernameMap m = UsernameMap.parse("bob = robert\nsvc = svc1@OTHER.TEST\n");
        assertThat(m.userFor("alice@LAB.TEST", "LAB.TEST")).contains("alice");
        assertThat(m.userFor("robert@LAB.TEST", "LAB.TEST")).contains("bob");
        assertThat(m.userFor("svc1@OTHER.TEST", "LAB.TEST")).contains("svc");
        assertThat(m.userFor("eve@OTHER.TEST", "LAB.TEST")).isEqualTo(Optional.empty());
    }

    @Test
    void spnValidationLevels() {
        Set<String> ours = Set.of("fs.lab.test", "FS", "127.0.0.21");
        assertThat(SpnValidation.OFF.accepts("cifs/elsewhere", ours)).isTrue();
        assertThat(SpnValidation.ACCEPT_IF_PROVIDED.accepts(null, ours)).isTrue();
        assertThat(SpnValidation.REQUIRED.accepts(null, ours)).isFalse();
        assertThat(SpnValidation.REQUIRED.accepts("cifs/FS.lab.test", ours)).isTrue();
        assertThat(SpnValidation.REQUIRED.accepts("cifs/fs.lab.test@LAB.TEST", ours)).isTrue();
        assertThat(SpnValidation.REQUIRED.accepts("host/fs", ours)).isTrue();
        assertThat(SpnValidation.REQUIRED.accepts("cifs/127.0.0.21:445", ours)).isTrue();
        assertThat(SpnValidation.ACCEPT_IF_PROVIDED.accepts("cifs/other.lab.test", ours)).isFalse();
        assertThat(SpnValidation.REQUIRED.accepts("http/fs.lab.test", ours)).isFalse();
        assertThat(SpnValidation.REQUIRED.accepts("fs.lab.test", ours)).isFalse();
    }

    @Test
    void smbConfKerberosOptions() throws Exception {
        ServerConfig c = SmbConfParser.parse("""
                [global]
                    realm = lab.test
                    kerberos method = dedicated keytab
                    dedicated keytab file = FILE:/srv/fs.keytab
                    username map = /srv/usermap
                """, Path.of("/"));
        KerberosServerConfig k = c.kerberos();
        assertThat(k.realm()).isEqualTo("LAB.TEST");
        assertThat(k.method()).isEqualTo(KerberosServerConfig.Method.DEDICATED_KEYTAB);
        assertThat(k.keytab()).isEqualTo(Path.of("/srv/fs.keytab"));
        assertThat(k.usernameMap()).isEqualTo(Path.of("/srv/usermap"));
        assertThat(k.acceptsKerberos()).isTrue();
        assertThat(c.warnings()).isEmpty();
        ServerConfig none = SmbConfParser.parse("[global]\n  realm = LAB.TEST\n  kerberos method = dedicated keytab\n",
                Path.of("/"));
        assertThat(none.kerberos().acceptsKerberos()).isFalse();
        assertThat(none.warnings()).anyMatch(w -> w.contains("without 'dedicated keytab file'"));
        assertThat(SmbConfParser.parse("[global]\n", Path.of("/")).kerberos()).isEqualTo(KerberosServerConfig.none());
    }

    @Test
    void errorCodesFromJdkMessages() {
        assertThat(KerberosAcceptor.find(new Exception("Failure unspecified at GSS-API level (Mechanism level: "
                + "Clock skew too great (37))"))).hasToString("KRB_AP_ERR_SKEW (37)");
        assertThat(KerberosAcceptor.find(new Exception("Checksum failed"))).isNull();
    }
}
