package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.FlushRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.smb2.WriteResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

class DataCommandsTest {
    private FsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static String text(Outcome.Done d) {
        return new String(((ReadResponse) d.response()).dataBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void writeThenReadBackAndEndOfFile() throws Exception {
        FileId id = f.file("a.txt");
        Outcome.Done w = f.write(id, 0, "hello world");
        assertThat(((WriteResponse) w.response()).count()).isEqualTo(11);
        assertThat(Files.readString(f.root.resolve("a.txt"))).isEqualTo("hello world");
        assertThat(text(f.read(id, 6, 100))).isEqualTo("world");
        assertThat(f.read(id, 11, 10).status()).isEqualTo(NtStatus.END_OF_FILE);
        assertThat(f.read(id, 1000, 10).status()).isEqualTo(NtStatus.END_OF_FILE);
        assertThat(f.status(new ReadRequest(0x50, 0, 10, 6, id, 6, 0, 0))).isEqualTo(NtStatus.END_OF_FILE);
        assertThat(f.status(new ReadRequest(0x50, 0, 10, 6, id, 5, 0, 0))).isEqualTo(NtStatus.SUCCESS);
        f.write(id, 20, "x");
        assertThat(Files.size(f.root.resolve("a.txt"))).isEqualTo(21);
        f.write(id, -1, "!");
        assertThat(Files.readString(f.root.resolve("a.txt"))).endsWith("x!");
        assertThat(f.status(new FlushRequest(id))).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void aReadGoesIntoTheConnectionsBufferWhenItHasOneThatIsLargeEnough() throws Exception {
        FileId id = f.file("b.txt");
        f.write(id, 0, "hello world");
        RequestContext c = FsFixture.CTX;
        ByteBuffer buffer = ByteBuffer.allocateDirect(8);
        RequestContext with = new RequestContext(c.dialect(), c.user(), c.guest(), c.maxReadSize(), c.maxWriteSize(),
                c.maxTransactSize(), c.breaks(), c.token(), c.clientGuid(), c.replay(), c.channelSequence(), buffer);
        Outcome.Done d = (Outcome.Done) f.handler.handle(with, ReadRequest.of(id, 6, 100));
        ByteBuffer data = ((ReadResponse) d.response()).data();
        assertThat(data.isDirect()).isTrue();
        assertThat(text(d)).isEqualTo("world");
        assertThat(buffer.get(0)).isEqualTo((byte) 'w'); // in the buffer from 0
        d = (Outcome.Done) f.handler.handle(with, ReadRequest.of(id, 0, 100));
        assertThat(((ReadResponse) d.response()).data().isDirect()).as("too large for it: an array").isFalse();
        assertThat(text(d)).isEqualTo("hello world");
    }

    @Test
    void limitsAndAccess() throws Exception {
        FileId id = f.file("a.txt");
        RequestContext small = new RequestContext(FsFixture.CTX.dialect(), "u", false, 4, 4, 65536);
        assertThat(((Outcome.Done) f.handler.handle(small, ReadRequest.of(id, 0, 5))).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(((Outcome.Done) f.handler.handle(small,
                WriteRequest.of(id, 0, ByteBuffer.wrap(new byte[5])))).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        f.write(id, 0, "data");
        FileId ro = FsFixture.id(f.create("a.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(f.write(ro, 0, "x").status()).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.status(new FlushRequest(ro))).isEqualTo(NtStatus.ACCESS_DENIED);
        FileId wo = FsFixture.id(f.create("a.txt", Access.WRITE_DATA, 7, CreateDisposition.OPEN, CreateOptions.NONE));
        assertThat(f.read(wo, 0, 1).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        FileId attrs = FsFixture.id(f.create("a.txt", Access.READ_ATTRIBUTES, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(f.read(attrs, 0, 1).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        FileId dir = f.dir("d");
        assertThat(f.read(dir, 0, 1).status()).isEqualTo(NtStatus.INVALID_DEVICE_REQUEST);
        assertThat(f.write(dir, 0, "x").status()).isEqualTo(NtStatus.INVALID_DEVICE_REQUEST);
        assertThat(f.read(new FileId(99, 99), 0, 1).status()).isEqualTo(NtStatus.FILE_CLOSED);
        assertThat(f.read(new FileId(1, 2), 0, 1).status()).isEqualTo(NtStatus.FILE_CLOSED);
    }

    @Test
    void appendOnlyOpenWritesAtTheEnd() throws Exception {
        Files.writeString(f.root.resolve("log"), "one");
        FileId app = FsFixture.id(f.create("log", Access.APPEND_DATA, 7, CreateDisposition.OPEN, CreateOptions.NONE));
        f.write(app, 0, "two");
        assertThat(Files.readString(f.root.resolve("log"))).isEqualTo("onetwo");
    }

    @Test
    void largeTransfersOfEightMegabytes() throws Exception {
        byte[] big = new byte[8 << 20];
        new Random(1).nextBytes(big);
        FileId id = f.file("big.bin");
        for (int off = 0; off < big.length; off += 1 << 20) {
            Outcome.Done w = f.done(WriteRequest.of(id, off, ByteBuffer.wrap(big, off, 1 << 20)));
            assertThat(w.status()).isEqualTo(NtStatus.SUCCESS);
        }
        Outcome.Done r = f.read(id, 0, 8 << 20);
        assertThat(((ReadResponse) r.response()).dataBytes()).isEqualTo(big);
        assertThat(Files.readAllBytes(f.root.resolve("big.bin"))).isEqualTo(big);
    }
}
