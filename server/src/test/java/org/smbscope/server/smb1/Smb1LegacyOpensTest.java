package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.smb1.FeaList;
import org.smbscope.codec.smb1.ReadAndXRequest;
import org.smbscope.codec.smb1.ReadAndXResponse;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;

/**
 * The legacy open family and the EA levels through {@link Smb1Files} on a disk share in a temporary directory
 * (user extended attributes where the file system has them, else the in-memory store).
 */
class Smb1LegacyOpensTest {
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
        newFrame();
    }

    private void newFrame() {
        ids = new Smb1Dispatcher.Ids(Smb1Header.request(Smb1Command.OPEN_ANDX, new Smb1Flags(0), new Smb1Flags2(FLAGS2),
                1, 1234, 100, 7));
    }

    private Smb1Dispatcher.R send(Smb1Message m) {
        return files.handle(m, m.encode(40, new Smb1Flags2(FLAGS2)), ids, session, tree);
    }

    private Smb1Dispatcher.R raw(int command, byte[] words, byte[] data) {
        newFrame();
        return send(new Smb1RawMessage(Smb1Command.of(command), false, words, data));
    }

    private static byte[] path(String p) {
        return new WireWriter().u8(4).bytes(p.getBytes(StandardCharsets.ISO_8859_1)).u8(0).toByteArray();
    }

    private static byte[] words(Smb1Dispatcher.R r) {
        return ((Smb1RawMessage) r.message()).words();
    }

    private static byte[] openAndXWords(int flags, int access, int openMode, long allocation) {
        return new WireWriter().u8(0xFF).u8(0).u16le(0).u16le(flags).u16le(access).u16le(0).u16le(0).u32le(0)
                .u16le(openMode).u32le(allocation).u32le(0).u32le(0).toByteArray();
    }

    private Smb1Dispatcher.R trans2(int sub, byte[] params, byte[] data) {
        newFrame();
        return send(TransactionRequest.of(Smb1Command.TRANSACTION2, "", 64, 65535, new int[] {sub}, params, data));
    }

    @Test
    void createNewCreateAndOpen() throws Exception {
        long time = 1_800_000_000L;
        Smb1Dispatcher.R r = raw(0x0F, new WireWriter().u16le(0x02).u32le(time).toByteArray(), path("\\new.txt"));
        assertThat(r.status()).isEqualTo(NtStatus.SUCCESS);
        int fid = Smb1Legacy.u16(words(r), 0);
        assertThat(files.fids).containsKey(fid);
        assertThat(raw(0x0F, new WireWriter().u16le(0).u32le(0).toByteArray(), path("\\new.txt")).status())
                .isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
        Files.writeString(share.resolve("old.txt"), "some data");
        assertThat(raw(0x03, new WireWriter().u16le(0).u32le(0).toByteArray(), path("\\old.txt")).status())
                .isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.size(share.resolve("old.txt"))).isZero();

        Files.writeString(share.resolve("data.txt"), "12345");
        Smb1Dispatcher.R open = raw(0x02, new WireWriter().u16le(0x40).u16le(0).toByteArray(), path("\\data.txt"));
        assertThat(open.status()).isEqualTo(NtStatus.SUCCESS);
        byte[] w = words(open);
        assertThat(Smb1Legacy.u32(w, 8)).isEqualTo(5); // FileSize
        assertThat(Smb1Legacy.u16(w, 12)).isEqualTo(0x40); // AccessMode echoed
        assertThat(raw(0x02, new WireWriter().u16le(0x40).u16le(0).toByteArray(), path("\\none.txt")).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(raw(0x02, new WireWriter().u16le(0x07).u16le(0).toByteArray(), path("\\data.txt")).status())
                .isEqualTo(Smb1LegacyOpens.ERR_BAD_ACCESS);
    }

    @Test
    void openAndXOpenModesAllocationAndExtendedResponse() throws Exception {
        assertThat(raw(0x2D, openAndXWords(0, 2, 0, 0), "\\x.txt\0".getBytes(StandardCharsets.ISO_8859_1)).status())
                .isEqualTo(Smb1LegacyOpens.ERR_BAD_ACCESS);
        Smb1Dispatcher.R r = raw(0x2D, openAndXWords(0x10, 2, 0x11, 1 << 20),
                "\\x.txt\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.status()).isEqualTo(NtStatus.SUCCESS);
        byte[] w = words(r);
        assertThat(w).hasSize(38); // 19 words: the extended response
        assertThat(Smb1Legacy.u32(w, 12)).isEqualTo(1 << 20);
        assertThat(Smb1Legacy.u16(w, 22)).isEqualTo(2); // created
        assertThat(Smb1Legacy.u32(w, 30)).isEqualTo(0x001F0000L);
        assertThat(Files.size(share.resolve("x.txt"))).isEqualTo(1 << 20);
        // an execute open asking for nothing creates
        assertThat(raw(0x2D, openAndXWords(0, 3, 0, 0), "\\exe.txt\0".getBytes(StandardCharsets.ISO_8859_1))
                .status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(share.resolve("exe.txt")).exists();
    }

    @Test
    void aChainedReadUsesTheFidJustOpened() throws Exception {
        Files.writeString(share.resolve("chain.txt"), "test");
        newFrame();
        Smb1Dispatcher.R open = send(new Smb1RawMessage(Smb1Command.OPEN_ANDX, false, openAndXWords(0, 2, 1, 0),
                "\\chain.txt\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(open.status()).isEqualTo(NtStatus.SUCCESS);
        Smb1Dispatcher.R read = send(ReadAndXRequest.of(0, 0, 4));
        assertThat(read.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((ReadAndXResponse) read.message()).data()).isEqualTo("test".getBytes(StandardCharsets.US_ASCII));
        newFrame();
        assertThat(send(ReadAndXRequest.of(0, 0, 4)).status()).isEqualTo(NtStatus.INVALID_HANDLE);
    }

    @Test
    void trans2OpenWithEasAndTheEaLevels() throws Exception {
        byte[] params = new WireWriter().u16le(0x8).u16le(0x42).u16le(0).u16le(0).u32le(0).u16le(0x11).u32le(0)
                .zeros(10).bytes("\\eas.txt\0".getBytes(StandardCharsets.ISO_8859_1)).toByteArray();
        byte[] fea = FeaList.encode(List.of(FullEa.of(".CLASSINFO", "first value"), FullEa.of("ea two", "foo")));
        Smb1Dispatcher.R r = trans2(0x00, params, fea);
        assertThat(r.status()).isEqualTo(NtStatus.SUCCESS);
        byte[] out = ((TransactionResponse) r.message()).parameters();
        assertThat(out).hasSize(30);
        int fid = Smb1Legacy.u16(out, 0);
        assertThat(Smb1Legacy.u16(out, 18)).isEqualTo(2); // created
        assertThat(Smb1Legacy.u32(out, 26)).isEqualTo(28 + 24); // EA size, FileFullEaInformation packed

        // SMB_INFO_QUERY_ALL_EAS and SMB_INFO_QUERY_EAS_FROM_LIST on the FID
        byte[] q4 = new WireWriter().u16le(fid).u16le(4).toByteArray();
        byte[] all = ((TransactionResponse) trans2(0x07, q4, new byte[0]).message()).data();
        assertThat(FeaList.decode(all)).containsExactly(FullEa.of(".CLASSINFO", "first value"), FullEa.of("EA TWO", "foo"));
        byte[] q3 = new WireWriter().u16le(fid).u16le(3).toByteArray();
        byte[] listed = ((TransactionResponse) trans2(0x07, q3, FeaList.encodeNames(List.of("Ea Two", "none")))
                .message()).data();
        assertThat(FeaList.decode(listed)).containsExactly(FullEa.of("EA TWO", "foo"), FullEa.of("none", ""));

        // SMB_INFO_SET_EAS: an empty value deletes; a bad name is the warning STATUS_INVALID_EA_NAME
        byte[] set = new WireWriter().u16le(fid).u16le(2).u16le(0).toByteArray();
        assertThat(trans2(0x08, set, FeaList.encode(List.of(FullEa.of(".classinfo", "")))).status())
                .isEqualTo(NtStatus.SUCCESS);
        Smb1Dispatcher.R bad = trans2(0x08, set, FeaList.encode(List.of(FullEa.of("a:b", "x"))));
        assertThat(bad.status()).isEqualTo(NtStatus.INVALID_EA_NAME);
        assertThat(bad.message()).isInstanceOf(TransactionResponse.class);
        all = ((TransactionResponse) trans2(0x07, q4, new byte[0]).message()).data();
        assertThat(FeaList.decode(all)).containsExactly(FullEa.of("EA TWO", "foo"));

        // an OpenMode asking for nothing
        byte[] none = params.clone();
        none[12] = 0;
        assertThat(trans2(0x00, none, new byte[0]).status()).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
    }
}
