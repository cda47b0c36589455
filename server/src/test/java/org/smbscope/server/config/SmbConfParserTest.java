package org.smbscope.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmbConfParserTest {
    @TempDir
    Path dir;

    @Test
    void readsGlobalAndShares() throws Exception {
        Files.writeString(dir.resolve("extra.conf"), "[extra]\n path = /srv/extra\n");
        ServerConfig c = SmbConfParser.parse("""
                # comment
                [Global]
                  NetBIOS Name = box
                  work_group = lab
                  interfaces = 127.0.0.5/30, 127.0.0.6
                  smb ports = 445 139
                  server min protocol = SMB2_10
                  server max protocol = SMB3
                  server signing = mandatory
                  server smb encrypt = required
                  ntlm auth = ntlmv1-permitted
                  lanman auth = yes
                  map to guest = Bad User
                  max connections = 7
                  passdb backend = smbpasswd:/etc/x/smbpasswd
                  frobnicate = 3
                ; another comment
                [share]
                  path = /srv/share
                  comment = a \\
                  long comment
                  writeable = yes
                  guest ok = 1
                  valid users = alice, bob
                  browseable = no
                  smb encrypt = off
                include = extra.conf
                """, dir);
        assertThat(c.netbiosName()).isEqualTo("BOX");
        assertThat(c.workgroup()).isEqualTo("LAB");
        assertThat(c.interfaces()).containsExactly("127.0.0.5/30", "127.0.0.6");
        assertThat(c.smbPorts()).containsExactly(445, 139);
        assertThat(c.minProtocol()).isEqualTo(ProtocolLevel.SMB2_10);
        assertThat(c.maxProtocol()).isEqualTo(ProtocolLevel.SMB3_11);
        assertThat(c.signing()).isEqualTo(SigningPolicy.MANDATORY);
        assertThat(c.encrypt()).isEqualTo(EncryptPolicy.REQUIRED);
        assertThat(c.ntlmAuth()).isEqualTo(NtlmAuthPolicy.NTLMV1_PERMITTED);
        assertThat(c.lanmanAuth()).isTrue();
        assertThat(c.mapToGuest()).isEqualTo(MapToGuest.BAD_USER);
        assertThat(c.maxConnections()).isEqualTo(7);
        assertThat(c.passdbPath()).isEqualTo(Path.of("/etc/x/smbpasswd"));
        ShareConfig s = c.share("SHARE").orElseThrow();
        assertThat(s.comment()).isEqualTo("a   long comment");
        assertThat(s.readOnly()).isFalse();
        assertThat(s.guestOk()).isTrue();
        assertThat(s.validUsers()).isEqualTo(List.of("alice", "bob"));
        assertThat(s.browseable()).isFalse();
        assertThat(s.encrypt()).isEqualTo(EncryptPolicy.OFF);
        assertThat(c.share("extra")).isPresent();
        assertThat(c.warnings()).anyMatch(w -> w.contains("frobnicate"));
    }

    @Test
    void encryptValuesFollowSamba() throws Exception {
        assertThat(SmbConfParser.parse("[s]\npath=/x\n", dir).encrypt()).isEqualTo(EncryptPolicy.IF_REQUIRED);
        assertThat(SmbConfParser.parse("[s]\npath=/x\n", dir).shares().get(0).encrypt())
                .isEqualTo(EncryptPolicy.IF_REQUIRED);
        String[][] cases = {{"default", "IF_REQUIRED"}, {"if_required", "IF_REQUIRED"}, {"auto", "IF_REQUIRED"},
                {"yes", "IF_REQUIRED"}, {"desired", "DESIRED"}, {"required", "REQUIRED"}, {"mandatory", "REQUIRED"},
                {"force", "REQUIRED"}, {"off", "OFF"}, {"no", "OFF"}, {"disabled", "OFF"}};
        for (String[] c : cases) {
            ServerConfig g = SmbConfParser.parse("[global]\nserver smb encrypt = " + c[0]
                    + "\n[s]\npath=/x\nsmb encrypt = " + c[0] + "\n", dir);
            assertThat(g.encrypt()).as(c[0]).isEqualTo(EncryptPolicy.valueOf(c[1]));
            assertThat(g.shares().get(0).encrypt()).as(c[0]).isEqualTo(EncryptPolicy.valueOf(c[1]));
            assertThat(g.warnings()).as(c[0]).isEmpty();
        }
        ServerConfig synonym = SmbConfParser.parse("[global]\nsmb encrypt = desired\n[s]\npath=/x\n"
                + "server smb encrypt = required\n", dir);
        assertThat(synonym.encrypt()).isEqualTo(EncryptPolicy.DESIRED);
        assertThat(synonym.shares().get(0).encrypt()).isEqualTo(EncryptPolicy.REQUIRED);
    }

    @Test
    void smb2MaxSizesAreKeptBetween64KiBAnd8MiB() throws Exception {
        ServerConfig c = SmbConfParser.parse("""
                [global]
                  smb2 max read = 1048576
                  smb2 max write = 100
                  smb2 max trans = 16777216
                """, dir);
        assertThat(c.ioSizes()).isEqualTo(new IoSizes(1048576, IoSizes.MIN, IoSizes.MAX));
        assertThat(c.warnings()).anyMatch(w -> w.contains("smb2maxwrite = 100")).anyMatch(w -> w.contains("smb2maxtrans"));
        assertThat(SmbConfParser.parse("[global]\n", dir).ioSizes()).isEqualTo(IoSizes.UNSET);
    }

    @Test
    void defaultsAndBadValuesWarn() throws Exception {
        ServerConfig c = SmbConfParser.parse("""
                [global]
                server signing = sometimes
                server min protocol = SMB9
                lanman auth = perhaps
                [noPath]
                comment = x
                """, dir);
        assertThat(c.signing()).isEqualTo(SigningPolicy.AUTO);
        assertThat(c.minProtocol()).isEqualTo(ProtocolLevel.SMB2_02);
        assertThat(c.shares()).isEmpty();
        assertThat(c.warnings()).hasSize(4);
        ShareConfig readOnlyDefault = SmbConfParser.parse("[s]\npath=/x\n", dir).shares().get(0);
        assertThat(readOnlyDefault.readOnly()).isTrue();
        assertThat(readOnlyDefault.browseable()).isTrue();
    }

    @Test
    void embeddedDefaultHasAGuestDemoShare() throws Exception {
        ServerConfig c = DefaultConfig.load(dir);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.share("demo").orElseThrow().guestOk()).isTrue();
        assertThat(c.interfaces()).containsExactly("127.0.0.1");
    }
}
