package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.FileEntry;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.server.fs.DiskTreeHandler;
import org.smbscope.server.share.ShareRoot;

/** Our client uploads and downloads through our server onto a Jimfs (Windows) share: every dialect and protection. */
class FileTransferWithOurClientTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"SMB2_02,OFF,OFF", "SMB2_10,REQUIRED,OFF", "SMB3_00,OFF,REQUIRED", "SMB3_02,REQUIRED,OFF",
            "SMB3_11,OFF,OFF", "SMB3_11,REQUIRED,OFF", "SMB3_11,OFF,REQUIRED"})
    void uploadDownloadListRenameDelete(SmbDialect dialect, Protection signing, Protection encryption) throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path root = Files.createDirectories(fs.getPath("C:\\share"));
            TreeHandlerFactory disks = share -> new DiskTreeHandler(ShareRoot.of(root), false, Clock.systemUTC(),
                    new org.smbscope.server.fs.OpenFiles());
            try (TestServer s = TestServer.start(tmp, "", "", disks);
                    SmbConnection c = SmbClient.connect(ClientConfig.builder().minDialect(dialect).maxDialect(dialect)
                            .signing(signing).encryption(encryption).build(), "127.0.0.1", s.port());
                    SmbSession session = c.session(Credentials.of("", TestServer.USER, TestServer.PASSWORD));
                    SmbTree t = session.tree("share")) {
                for (int size : new int[] {0, 1024 * 1024 + 1, 9 * 1024 * 1024 + 3}) {
                    byte[] data = new byte[size];
                    new Random(size).nextBytes(data);
                    assertThat(t.upload("f" + size, new ByteArrayInputStream(data), n -> { })).isEqualTo(size);
                    assertThat(Files.readAllBytes(root.resolve("f" + size))).isEqualTo(data);
                    ByteArrayOutputStream back = new ByteArrayOutputStream();
                    assertThat(t.download("f" + size, back, n -> { })).isEqualTo(size);
                    assertThat(back.toByteArray()).isEqualTo(data);
                }
                t.mkdir("dir");
                t.rename("f0", "dir\\moved");
                List<FileEntry> in = t.list("dir", "*");
                assertThat(in).extracting(FileEntry::name).contains("moved");
                t.delete("dir\\moved");
                t.rmdir("dir");
                assertThat(Files.exists(root.resolve("dir"))).isFalse();
            }
        }
    }
}
