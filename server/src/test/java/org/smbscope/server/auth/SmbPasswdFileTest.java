package org.smbscope.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmbPasswdFileTest {
    @TempDir
    Path dir;

    @Test
    void parsesSambaLineAndWritesItBack() throws Exception {
        String line = "alice:1000:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:8846F7EAEE8FB117AD06BDD830B7586C:[U          ]:LCT-5F5E1000:";
        SmbPasswdFile f = SmbPasswdFile.parse(line + "\nbroken line\n");
        SmbPasswdEntry e = f.find("ALICE").orElseThrow();
        assertThat(e.ntHash()).isEqualTo(PasswordHashes.nt("password"));
        assertThat(e.lmHash()).isNull();
        assertThat(e.flags()).containsExactly(AccountFlag.USER);
        assertThat(e.lastChange()).isEqualTo(0x5F5E1000L);
        assertThat(e.line()).isEqualTo(line);
        assertThat(f.warnings()).hasSize(1);
        Path p = dir.resolve("smbpasswd");
        f.write(p);
        assertThat(SmbPasswdFile.read(p).entries()).containsExactly(e);
    }

    @Test
    void noPasswordAndDisabled() {
        SmbPasswdEntry e = new SmbPasswdEntry("guest", 99, null, null,
                EnumSet.of(AccountFlag.USER, AccountFlag.NO_PASSWORD, AccountFlag.DISABLED), 0);
        assertThat(e.line()).isEqualTo("guest:99:NO PASSWORDXXXXXXXXXXXXXXXXXXXXX:NO PASSWORDXXXXXXXXXXXXXXXXXXXXX:[UDN        ]:LCT-00000000:");
        SmbPasswdEntry back = SmbPasswdFile.parse(e.line()).find("guest").orElseThrow();
        assertThat(back.disabled()).isTrue();
        assertThat(back.noPassword()).isTrue();
        assertThat(HexFormat.of().formatHex(PasswordHashes.lm("password"))).isEqualTo("e52cac67419a9a224a3b108f3fa6cb6d");
    }
}
