package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_NT_RENAME levels (rename, hard link, copy, refused ones), wildcards and search attributes, and the
 * TRANS2_SET_PATH_INFORMATION pass-through rename, through {@link Smb1Files} on a disk share in a temporary directory.
 */
class Smb1RenameTest {
    private static final int FLAGS2 = Smb1Flags2.NT_STATUS | Smb1Flags2.LONG_NAMES; // OEM strings

    @TempDir
    Path dir;
    private Path share;
    private Smb1Files files;
    private Smb1Dispatcher.Tree tree;
    private Smb1Dispatcher.Session session;
    private Smb1Dispatcher.Ids ids;

    @BeforeEach
    void setUp() throws Exception {
        Smb1ShareFixture f = Smb1ShareFixture.start(dir);
        share = f.share();
        files = f.files();
        tree = f.tree();
        session = f.session();
    }

    private Smb1Dispatcher.R send(Smb1Message m) {
        ids = new Smb1Dispatcher.Ids(Smb1Header.request(m.command(), new Smb1Flags(0), new Smb1Flags2(FLAGS2), 1, 1234,
                100, 7));
        return files.handle(m, m.encode(40, new Smb1Flags2(FLAGS2)), ids, session, tree);
    }

    private NtStatus ntRename(int attributes, int level, long clusterCount, String from, String to) {
        byte[] words = new WireWriter().u16le(attributes).u16le(level).u32le(clusterCount).toByteArray();
        byte[] data = new WireWriter().u8(4).bytes(from.getBytes(StandardCharsets.ISO_8859_1)).u8(0).u8(4)
                .bytes(to.getBytes(StandardCharsets.ISO_8859_1)).u8(0).toByteArray();
        return send(new Smb1RawMessage(Smb1Command.of(0xA5), false, words, data)).status();
    }

    /** SMB_COM_SET_INFORMATION: the file's attributes. */
    private NtStatus setAttributes(String name, int attributes) {
        byte[] words = new WireWriter().u16le(attributes).u32le(0).zeros(10).toByteArray();
        byte[] data = new WireWriter().u8(4).bytes(name.getBytes(StandardCharsets.ISO_8859_1)).u8(0).toByteArray();
        return send(new Smb1RawMessage(Smb1Command.of(0x09), false, words, data)).status();
    }

    @Test
    void renameHonoursSearchAttributesAndRefusesWildcards() throws Exception {
        Files.writeString(share.resolve("a.txt"), "A");
        assertThat(ntRename(0, 0x104, 0, "\\*.txt", "\\b.txt")).isEqualTo(NtStatus.OBJECT_PATH_SYNTAX_BAD);
        assertThat(ntRename(0, 0x104, 0, "\\a.txt", "\\b?.txt")).isEqualTo(NtStatus.OBJECT_PATH_SYNTAX_BAD);
        assertThat(setAttributes("\\a.txt", 0x02)).isEqualTo(NtStatus.SUCCESS);
        assertThat(ntRename(0, 0x104, 0, "\\a.txt", "\\b.txt")).as("hidden, not searched").isEqualTo(NtStatus.NO_SUCH_FILE);
        assertThat(ntRename(0x02, 0x104, 0, "\\a.txt", "\\b.txt")).isEqualTo(NtStatus.SUCCESS);
        assertThat(share.resolve("b.txt")).exists();
        assertThat(share.resolve("a.txt")).doesNotExist();
    }

    @Test
    void hardLinkAndCopy() throws Exception {
        Files.writeString(share.resolve("one.txt"), "data");
        assertThat(ntRename(0, 0x103, 0, "\\one.txt", "\\two.txt")).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.isSameFile(share.resolve("one.txt"), share.resolve("two.txt"))).isTrue();
        assertThat(ntRename(0, 0x103, 0, "\\one.txt", "\\two.txt")).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
        Files.createDirectory(share.resolve("d"));
        assertThat(ntRename(0, 0x103, 0, "\\d", "\\d2")).isEqualTo(NtStatus.FILE_IS_A_DIRECTORY);

        assertThat(ntRename(0, 0x105, 0, "\\one.txt", "\\copy.txt")).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.readString(share.resolve("copy.txt"))).isEqualTo("data");
        assertThat(Files.isSameFile(share.resolve("one.txt"), share.resolve("copy.txt"))).isFalse();
        assertThat(ntRename(0, 0x105, 0, "\\one.txt", "\\copy.txt")).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
    }

    @Test
    void otherLevelsAreRefused() throws Exception {
        Files.writeString(share.resolve("x.txt"), "x");
        assertThat(ntRename(0, 0, 0, "\\x.txt", "\\y.txt")).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(ntRename(0, 0x106, 0, "\\x.txt", "\\y.txt")).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(ntRename(0, 0x102, 1, "\\x.txt", "\\y.txt")).isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(ntRename(0, 0x102, 0, "\\x.txt", "\\y.txt")).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(share.resolve("y.txt")).doesNotExist();
    }

    @Test
    void setPathInformationRenames() throws Exception {
        Files.createDirectory(share.resolve("dir"));
        Files.writeString(share.resolve("dir").resolve("old.txt"), "o");
        byte[] params = new WireWriter().u16le(1010).u32le(0).bytes("\\dir\\old.txt\0".getBytes(StandardCharsets.ISO_8859_1))
                .toByteArray();
        byte[] name = "new.txt".getBytes(StandardCharsets.UTF_16LE);
        byte[] data = new WireWriter().u8(0).zeros(3).u32le(0).u32le(name.length).bytes(name).toByteArray();
        Smb1Dispatcher.R r = send(TransactionRequest.of(Smb1Command.TRANSACTION2, "", 64, 65535, new int[] {0x06}, params,
                data));
        assertThat(r.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.readString(share.resolve("dir").resolve("new.txt"))).isEqualTo("o");
        assertThat(send(TransactionRequest.of(Smb1Command.TRANSACTION2, "", 64, 65535, new int[] {0x06}, params, data))
                .status()).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }
}
