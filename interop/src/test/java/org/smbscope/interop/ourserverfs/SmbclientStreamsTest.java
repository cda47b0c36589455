package org.smbscope.interop.ourserverfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * Alternate data streams on our disk share through Samba's smbclient: {@code put} to {@code file:stream},
 * {@code allinfo} (FileStreamInformation), {@code get} of the stream, and the stream kept in the file's user
 * extended attribute {@code user.smbscope.stream.<name>}, never as a file of the share.
 */
class SmbclientStreamsTest {
    @TempDir
    Path dir;

    @Test
    void putAllinfoAndGetAStream() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        Path payload = Files.writeString(dir.resolve("payload.txt"), "stream payload\n");
        Path main = Files.writeString(dir.resolve("main.txt"), "main data, longer\n");
        Path got = dir.resolve("got.txt");
        try (DiskServer server = DiskServer.start(dir.resolve("srv"))) {
            ProcessResult r = server.smbclient("share", "put " + main + " base.txt; put " + payload
                    + " base.txt:ads; allinfo base.txt; get base.txt:ads " + got + "; ls");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.stdout()).as(r.output()).contains("stream: [::$DATA], 18 bytes")
                    .contains("stream: [:ads:$DATA], 15 bytes").doesNotContain("base.txt:ads  ");
            assertThat(Files.readString(got)).isEqualTo("stream payload\n");
            try (var files = Files.list(server.share)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("base.txt");
            }
            Path base = server.share.resolve("base.txt");
            assertThat(Files.readString(base)).isEqualTo("main data, longer\n");
            UserDefinedFileAttributeView v = Files.getFileAttributeView(base, UserDefinedFileAttributeView.class);
            ByteBuffer b = ByteBuffer.allocate(v.size("smbscope.stream.ads"));
            v.read("smbscope.stream.ads", b);
            assertThat(new String(b.array(), StandardCharsets.UTF_8)).isEqualTo("stream payload\n");
        }
    }
}
