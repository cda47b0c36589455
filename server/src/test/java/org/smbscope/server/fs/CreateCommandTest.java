package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class CreateCommandTest {
    private static final int RW = Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE;
    private FsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private Outcome.Done create(String name, CreateDisposition d) {
        return f.create(name, RW, FsFixture.ALL_SHARE, d, CreateOptions.NON_DIRECTORY_FILE);
    }

    private static CreateAction action(Outcome.Done d) {
        return ((CreateResponse) d.response()).createAction();
    }

    @Test
    void everyDispositionOnAMissingAndAnExistingFile() throws Exception {
        assertThat(create("a.txt", CreateDisposition.OPEN).status()).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(create("a.txt", CreateDisposition.OVERWRITE).status()).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        Outcome.Done c = create("a.txt", CreateDisposition.CREATE);
        assertThat(c.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(action(c)).isEqualTo(CreateAction.CREATED);
        f.write(FsFixture.id(c), 0, "hello");
        assertThat(create("a.txt", CreateDisposition.CREATE).status()).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
        assertThat(action(create("A.TXT", CreateDisposition.OPEN))).isEqualTo(CreateAction.OPENED);
        Outcome.Done oi = create("a.txt", CreateDisposition.OPEN_IF);
        assertThat(action(oi)).isEqualTo(CreateAction.OPENED);
        assertThat(((CreateResponse) oi.response()).endOfFile()).isEqualTo(5);
        Outcome.Done ow = create("a.txt", CreateDisposition.OVERWRITE);
        assertThat(action(ow)).isEqualTo(CreateAction.OVERWRITTEN);
        assertThat(((CreateResponse) ow.response()).endOfFile()).isZero();
        assertThat(action(create("a.txt", CreateDisposition.SUPERSEDE))).isEqualTo(CreateAction.SUPERSEDED);
        assertThat(action(create("a.txt", CreateDisposition.OVERWRITE_IF))).isEqualTo(CreateAction.OVERWRITTEN);
        assertThat(action(create("b.txt", CreateDisposition.OVERWRITE_IF))).isEqualTo(CreateAction.CREATED);
        assertThat(action(create("c.txt", CreateDisposition.SUPERSEDE))).isEqualTo(CreateAction.CREATED);
        assertThat(action(create("d.txt", CreateDisposition.OPEN_IF))).isEqualTo(CreateAction.CREATED);
        assertThat(create("x.txt", new CreateDisposition(9)).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    @Test
    void missingParentIsPathNotFound() {
        assertThat(create("no\\a.txt", CreateDisposition.CREATE).status()).isEqualTo(NtStatus.OBJECT_PATH_NOT_FOUND);
        assertThat(create("no\\a.txt", CreateDisposition.OPEN).status()).isEqualTo(NtStatus.OBJECT_PATH_NOT_FOUND);
    }

    @Test
    void directoriesAndFilesAreTold() throws Exception {
        Outcome.Done d = f.create("sub", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE,
                CreateOptions.DIRECTORY_FILE);
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((CreateResponse) d.response()).fileAttributes()).contains(FileAttribute.DIRECTORY);
        assertThat(Files.isDirectory(f.root.resolve("sub"))).isTrue();
        assertThat(create("sub", CreateDisposition.OPEN).status()).isEqualTo(NtStatus.FILE_IS_A_DIRECTORY);
        f.close(f.file("file"));
        assertThat(f.create("file", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN, CreateOptions.DIRECTORY_FILE)
                .status()).isEqualTo(NtStatus.NOT_A_DIRECTORY);
        assertThat(f.create("file\\x", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.OBJECT_PATH_NOT_FOUND);
        assertThat(f.create("d2", RW, 7, CreateDisposition.OVERWRITE_IF, CreateOptions.DIRECTORY_FILE).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(f.create("d2", RW, 7, CreateDisposition.CREATE,
                CreateOptions.of(CreateOptions.DIRECTORY_FILE, CreateOptions.NON_DIRECTORY_FILE)).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        Outcome.Done root = f.create("", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN, CreateOptions.NONE);
        assertThat(root.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((CreateResponse) root.response()).isDirectory()).isTrue();
    }

    @Test
    void refusedNamesAreInvalid() {
        for (String bad : new String[] {"..\\x", "a\\..\\..\\x", "C:\\Windows", "file:", "file:s:$FOO", "CON", "a*b"}) {
            NtStatus s = create(bad, CreateDisposition.OPEN_IF).status();
            assertThat(s).as(bad).isIn(NtStatus.OBJECT_NAME_INVALID, NtStatus.OBJECT_PATH_SYNTAX_BAD);
        }
        assertThat(create("a/b", CreateDisposition.CREATE).status()).as("'/' separates, like '\\'")
                .isEqualTo(NtStatus.OBJECT_PATH_NOT_FOUND);
        assertThat(create("plain.txt::$DATA", CreateDisposition.CREATE).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.exists(f.root.resolve("plain.txt"))).isTrue();
    }

    @Test
    void shareModesConflict() {
        FileId first = FsFixture.id(f.create("s.txt", Access.FILE_GENERIC_READ, ShareModes.SHARE_READ,
                CreateDisposition.CREATE, CreateOptions.NONE));
        assertThat(f.create("s.txt", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                .isEqualTo(NtStatus.SHARING_VIOLATION);
        assertThat(f.create("s.txt", Access.FILE_GENERIC_READ, ShareModes.SHARE_READ, CreateDisposition.OPEN,
                CreateOptions.NONE).status()).isEqualTo(NtStatus.SUCCESS);
        // the new open does not share write, but the first one reads only: fine
        assertThat(f.create("s.txt", Access.FILE_GENERIC_READ, ShareModes.SHARE_READ | ShareModes.SHARE_WRITE,
                CreateDisposition.OPEN, CreateOptions.NONE).status()).isEqualTo(NtStatus.SUCCESS);
        // attributes only: takes no part
        assertThat(f.create("s.txt", Access.READ_ATTRIBUTES, 0, CreateDisposition.OPEN, CreateOptions.NONE).status())
                .isEqualTo(NtStatus.SUCCESS);
        assertThat(f.create("s.txt", Access.DELETE, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                .isEqualTo(NtStatus.SHARING_VIOLATION);
        f.close(first);
    }

    @Test
    void exclusiveOpenIsReleasedByClose() {
        FileId x = FsFixture.id(f.create("e.txt", RW, 0, CreateDisposition.CREATE, CreateOptions.NONE));
        assertThat(f.create("e.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.SHARING_VIOLATION);
        assertThat(f.close(x)).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.close(x)).isEqualTo(NtStatus.FILE_CLOSED);
        assertThat(f.create("e.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void deleteOnClose() throws Exception {
        FileId a = FsFixture.id(f.create("gone.txt", RW | Access.DELETE, 7, CreateDisposition.CREATE,
                CreateOptions.DELETE_ON_CLOSE));
        assertThat(Files.exists(f.root.resolve("gone.txt"))).isTrue();
        f.close(a);
        assertThat(Files.exists(f.root.resolve("gone.txt"))).isFalse();
        assertThat(f.create("x.txt", RW, 7, CreateDisposition.CREATE, CreateOptions.DELETE_ON_CLOSE).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        f.close(f.dir("full"));
        f.close(f.file("full\\inside"));
        assertThat(f.create("full", Access.FILE_GENERIC_READ | Access.DELETE, 7, CreateDisposition.OPEN,
                CreateOptions.of(CreateOptions.DIRECTORY_FILE, CreateOptions.DELETE_ON_CLOSE)).status())
                .isEqualTo(NtStatus.DIRECTORY_NOT_EMPTY);
        FileId held = f.file("held.txt");
        FileId del = FsFixture.id(f.create("held.txt", Access.DELETE, 7, CreateDisposition.OPEN,
                CreateOptions.DELETE_ON_CLOSE));
        f.close(del);
        assertThat(Files.exists(f.root.resolve("held.txt"))).as("still open elsewhere").isTrue();
        assertThat(f.create("held.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.DELETE_PENDING);
        f.close(held);
        assertThat(Files.exists(f.root.resolve("held.txt"))).isFalse();
    }

    @Test
    void createContextsMaximalAccessAndDiskId() {
        Outcome.Done d = f.create("ctx.txt", RW, 7, CreateDisposition.CREATE, CreateOptions.NONE,
                CreateContext.maximalAccessRequest(), CreateContext.queryOnDiskIdRequest(),
                new CreateContext(CreateContext.REQUEST_LEASE, new byte[32]));
        CreateResponse r = (CreateResponse) d.response();
        assertThat(r.oplockLevel().value()).isZero();
        assertThat(r.contexts()).extracting(CreateContext::name).containsExactly("MxAc", "QFid");
        assertThat(r.contexts().get(0).maximalAccess().value()).isEqualTo(0x1F01FF);
        assertThat(r.contexts().get(1).data()).hasSize(32);
        assertThat(f.create("ctx.txt", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE,
                new CreateContext(CreateContext.DURABLE_HANDLE_RECONNECT, new byte[16])).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }

    @Test
    void readOnlyShareRefusesWritesAndCreates() throws Exception {
        try (FsFixture ro = FsFixture.jimfs(true)) {
            Files.writeString(ro.root.resolve("r.txt"), "data");
            assertThat(ro.create("r.txt", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(ro.create("n.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE, CreateOptions.NONE)
                    .status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(ro.create("n.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN_IF, CreateOptions.NONE)
                    .status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(ro.create("r.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OVERWRITE_IF,
                    CreateOptions.NONE).status()).isEqualTo(NtStatus.ACCESS_DENIED);
            Outcome.Done ok = ro.create("r.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN_IF,
                    CreateOptions.NONE, CreateContext.maximalAccessRequest());
            assertThat(ok.status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(((CreateResponse) ok.response()).contexts().get(0).maximalAccess().value())
                    .isEqualTo(Access.READ_ONLY_MAXIMUM);
            Outcome.Done max = ro.create("r.txt", Access.MAXIMUM_ALLOWED, 7, CreateDisposition.OPEN,
                    CreateOptions.NONE);
            assertThat(max.status()).isEqualTo(NtStatus.SUCCESS);
        }
    }

    @Test
    void tooManyOpens() throws Exception {
        try (FsFixture small = FsFixture.jimfs()) {
            DiskTreeHandler h = new DiskTreeHandler(org.smbscope.server.share.ShareRoot.of(small.root), false,
                    FsFixture.CLOCK, new OpenFiles(), 2);
            var req = FsFixture.createRequest("", Access.READ_ATTRIBUTES, 7, CreateDisposition.OPEN,
                    CreateOptions.NONE);
            assertThat(((Outcome.Done) h.handle(FsFixture.CTX, req)).status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(((Outcome.Done) h.handle(FsFixture.CTX, req)).status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(((Outcome.Done) h.handle(FsFixture.CTX, req)).status())
                    .isEqualTo(NtStatus.INSUFFICIENT_RESOURCES);
            h.close();
            assertThat(h.openCount()).isZero();
        }
    }
}
