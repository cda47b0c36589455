package org.smbscope.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswdActionTest {
    @Test
    void addDisableEnableChangeDelete() {
        SmbPasswdFile f = PasswdAction.ADD.apply(SmbPasswdFile.empty(), "alice", "one", 10);
        assertThat(f.find("alice").orElseThrow().ntHash()).isEqualTo(PasswordHashes.nt("one"));
        assertThat(f.find("alice").orElseThrow().uid()).isEqualTo(1000);
        f = PasswdAction.DISABLE.apply(f, "alice", null, 11);
        assertThat(f.find("alice").orElseThrow().disabled()).isTrue();
        f = PasswdAction.ENABLE.apply(f, "alice", null, 12);
        assertThat(f.find("alice").orElseThrow().disabled()).isFalse();
        f = PasswdAction.CHANGE.apply(f, "alice", "two", 13);
        assertThat(f.find("alice").orElseThrow().ntHash()).isEqualTo(PasswordHashes.nt("two"));
        assertThat(f.find("alice").orElseThrow().lastChange()).isEqualTo(13);
        f = PasswdAction.ADD.apply(f, "bob", "x", 14);
        assertThat(f.find("bob").orElseThrow().uid()).isEqualTo(1001);
        f = PasswdAction.DELETE.apply(f, "alice", null, 15);
        assertThat(f.find("alice")).isEmpty();
        SmbPasswdFile g = f;
        assertThatThrownBy(() -> PasswdAction.CHANGE.apply(g, "carol", "p", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
