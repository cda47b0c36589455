package org.smbscope.interop.smb2;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * put then get through {@code smbscope smbclient} against Samba with signing mandatory, for every
 * dialect: the file on the server and the file fetched back are byte-identical to the source.
 */
class TransferTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server signing = mandatory")
            .global("server min protocol = SMB2_02"));

    @TempDir
    Path local;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String dialect : new String[] {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"}) {
            for (int size : new int[] {0, 1, 1024 * 1024 + 1, 64 * 1024 * 1024}) {
                b.add(Arguments.of(dialect, size));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} bytes")
    @MethodSource("cases")
    void putAndGetAreByteIdentical(String dialect, int size) throws IOException {
        Samba s = SAMBA.samba();
        byte[] data = new byte[size];
        new Random(size * 31L + dialect.hashCode()).nextBytes(data);
        String name = "t-" + dialect + "-" + size + ".bin";
        Files.write(local.resolve(name), data);
        Smbscope.Result r = Smbscope.smbclient(s, "share", "lcd " + local + "; put " + name + "; get " + name + " back.bin",
                "-m", dialect, "--option", "client min protocol=" + dialect);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(sha256(Files.readAllBytes(s.shareDir("share").resolve(name)))).isEqualTo(sha256(data));
        assertThat(sha256(Files.readAllBytes(local.resolve("back.bin")))).isEqualTo(sha256(data));
    }

    @Test
    void lsShowsTheFilesAndTheFooter() throws IOException {
        Samba s = SAMBA.samba();
        Files.writeString(s.shareDir("share").resolve("hello.txt"), "hello\n");
        Smbscope.Result r = Smbscope.smbclient(s, "share", "ls");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).containsPattern("(?m)^  \\.\\s+D\\s+0  \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}$")
                .containsPattern("(?m)^  hello\\.txt\\s+[AN]+\\s+6  ")
                .containsPattern("\\t\\t\\d+ blocks of size \\d+\\. \\d+ blocks available");
    }

    @Test
    void port139GoesThroughTheNetbiosSessionService() throws IOException {
        Samba s = SAMBA.samba();
        Files.writeString(s.shareDir("share").resolve("nbss.txt"), "over 139\n");
        Smbscope.Result r = Smbscope.smbclient(s, "share", "ls nbss.txt", "-p", "139");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("nbss.txt");
    }

    @Test
    void lsAsJson() throws IOException {
        Samba s = SAMBA.samba();
        Files.writeString(s.shareDir("share").resolve("json.txt"), "four");
        Smbscope.Result r = Smbscope.smbclient(s, "share", "ls", "--json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("\"name\" : \"json.txt\"").contains("\"size\" : 4")
                .contains("\"availableBlocks\"").doesNotContain("blocks of size");
    }

    @Test
    void directoriesRenameDeleteAndInfo() throws IOException {
        Samba s = SAMBA.samba();
        Files.writeString(local.resolve("a.txt"), "abc");
        Smbscope.Result r = Smbscope.smbclient(s, "share", "lcd " + local + "; mkdir d1; cd d1; put a.txt; rename a.txt b.txt; "
                + "allinfo b.txt; stat b.txt; pwd; cd ..; mkdir d2; rmdir d2");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(s.shareDir("share").resolve("d1/b.txt")).hasContent("abc");
        assertThat(s.shareDir("share").resolve("d2")).doesNotExist();
        assertThat(r.stdout()).contains("altname: b.txt", "stream: [::$DATA], 3 bytes", "Current directory is \\\\");
        r = Smbscope.smbclient(s, "share", "cd d1; rm b.txt; cd ..; rmdir d1");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(s.shareDir("share").resolve("d1")).doesNotExist();
    }

    @Test
    void missingFileFailsWithTheStatusAndTheWindowsError() {
        Samba s = SAMBA.samba();
        Smbscope.Result r = Smbscope.smbclient(s, "share", "lcd " + local + "; get nosuch.txt");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("NT_STATUS_OBJECT_NAME_NOT_FOUND", "System error 2 has occurred.");
        assertThat(local.resolve("nosuch.txt")).doesNotExist();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
