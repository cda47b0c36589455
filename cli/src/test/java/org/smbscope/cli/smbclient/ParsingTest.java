package org.smbscope.cli.smbclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.client.FileEntry;
import org.smbscope.client.FsSize;
import org.smbscope.client.ShareInfo;

class ParsingTest {
    @Test
    void userSpecs() {
        assertThat(UserSpec.parse("alice%Passw0rd!")).isEqualTo(new UserSpec("", "alice", "Passw0rd!"));
        assertThat(UserSpec.parse("LAB/alice")).isEqualTo(new UserSpec("LAB", "alice", null));
        assertThat(UserSpec.parse("LAB\\alice%a%b")).isEqualTo(new UserSpec("LAB", "alice", "a%b"));
        assertThat(UserSpec.parse("alice@LAB.TEST%x")).isEqualTo(new UserSpec("LAB.TEST", "alice", "x"));
        assertThat(UserSpec.parse("%")).isEqualTo(new UserSpec("", "", ""));
    }

    @Test
    void authFile() {
        AuthFile a = AuthFile.parse(List.of("# comment", "username = LAB/alice", "password = Pass word", ""));
        assertThat(a).isEqualTo(new AuthFile("LAB", "alice", "Pass word"));
        assertThat(AuthFile.parse(List.of("username=bob", "domain=D")).domain()).isEqualTo("D");
        assertThatThrownBy(() -> AuthFile.parse(List.of("bogus"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commands() {
        assertThat(CommandSplitter.commands("ls; get \"a;b.txt\" x ;; pwd")).containsExactly("ls", "get \"a;b.txt\" x", "pwd");
        assertThat(CommandSplitter.words("get \"my file.txt\"  local")).containsExactly("get", "my file.txt", "local");
        assertThat(CommandSplitter.words("   ")).isEmpty();
    }

    @Test
    void options() {
        SambaOptions o = new SambaOptions(List.of("client min protocol=SMB3", "Client_Signing = required", "client ntlmv2 auth = no"));
        assertThat(o.get("clientminprotocol")).isEqualTo("SMB3");
        assertThat(o.get("client signing")).isEqualTo("required");
        assertThat(o.bool("client ntlmv2 auth")).isFalse();
        assertThat(o.unknown(List.of("client min protocol", "client signing", "client ntlmv2 auth"))).isEmpty();
    }

    @Test
    void lsLineLooksLikeSambas() {
        Instant t = Instant.parse("2026-11-21T01:05:01Z");
        FileEntry dot = new FileEntry(".", FileEntry.DIRECTORY, 0, 0, t, t, t, t);
        FileEntry file = new FileEntry("random.bin", FileEntry.NORMAL, 1048576, 1048576, t, t, t, t);
        assertThat(Listing.lsLine(dot, ZoneOffset.UTC))
                .isEqualTo("  .                                   D        0  Sat Nov 21 01:05:01 2026");
        assertThat(Listing.lsLine(file, ZoneOffset.UTC))
                .isEqualTo("  random.bin                          N  1048576  Sat Nov 21 01:05:01 2026");
        assertThat(Listing.asctime(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)).isEqualTo("Sun Nov  1 00:00:00 2026");
        assertThat(Listing.footer(new FsSize(264212084, 83365984, 83365984, 2, 512)))
                .isEqualTo(System.lineSeparator() + "\t\t264212084 blocks of size 1024. 83365984 blocks available");
    }

    @Test
    void shareTableLooksLikeSambas() {
        String t = Listing.shareTable(List.of(new ShareInfo("share", 0, "alice share"), new ShareInfo("IPC$", 0x80000003L, "IPC Service")));
        assertThat(t.lines().toList()).containsExactly("", "\tSharename       Type      Comment",
                "\t---------       ----      -------", "\tshare           Disk      alice share", "\tIPC$            IPC       IPC Service");
    }

    @Test
    void wildcards() {
        assertThat(Shell.matches("*.txt", "Hello.TXT")).isTrue();
        assertThat(Shell.matches("a?c", "abc")).isTrue();
        assertThat(Shell.matches("a?c", "abbc")).isFalse();
        assertThat(Shell.matches("*", "x(1).[y]")).isTrue();
    }
}
