package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.ChangeNotifyResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class ChangeNotifyTest {
    private static final int NAMES = NotifyRegistry.FILE_NAME | NotifyRegistry.DIR_NAME;
    private FsFixture f;
    private FileId root;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
        root = f.dir("");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private Outcome.Pending watch(FileId dir, int flags, int filter) {
        Outcome o = f.handle(new ChangeNotifyRequest(flags, 4096, dir, filter));
        assertThat(o).isInstanceOf(Outcome.Pending.class);
        return (Outcome.Pending) o;
    }

    private static List<FileNotifyInformation> changes(Outcome.Pending p) throws Exception {
        Outcome.Done d = p.completion().get(5, TimeUnit.SECONDS);
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        return FileNotifyInformation.decode(((ChangeNotifyResponse) d.response()).output());
    }

    @Test
    void creatingAFileCompletesTheWatch() throws Exception {
        Outcome.Pending p = watch(root, 0, NAMES);
        assertThat(p.completion()).isNotDone();
        FileId a = f.file("new.txt");
        assertThat(changes(p)).containsExactly(new FileNotifyInformation(FileNotifyInformation.ACTION_ADDED, "new.txt"));
        // changes between requests are kept for the next one
        f.setFile(a, FileInformationClass.RENAME, FileInformation.encode(new FileInformation.Rename(false, 0, "r.txt")));
        Outcome o = f.handle(new ChangeNotifyRequest(0, 4096, root, NAMES));
        Outcome.Done d = (Outcome.Done) o;
        assertThat(FileNotifyInformation.decode(((ChangeNotifyResponse) d.response()).output())).containsExactly(
                new FileNotifyInformation(FileNotifyInformation.ACTION_RENAMED_OLD_NAME, "new.txt"),
                new FileNotifyInformation(FileNotifyInformation.ACTION_RENAMED_NEW_NAME, "r.txt"));
    }

    @Test
    void filterAndTree() throws Exception {
        f.close(f.dir("sub"));
        Outcome.Pending flat = watch(root, 0, NotifyRegistry.FILE_NAME);
        FileId sub = f.dir("sub");
        Outcome.Pending tree = watch(sub, 0, NotifyRegistry.DIR_NAME);
        Outcome.Pending deep = watch(f.dir(""), ChangeNotifyRequest.WATCH_TREE, NotifyRegistry.FILE_NAME);
        f.close(f.file("sub\\inner.txt"));
        assertThat(flat.completion()).isNotDone();
        assertThat(tree.completion()).isNotDone();
        assertThat(changes(deep)).containsExactly(
                new FileNotifyInformation(FileNotifyInformation.ACTION_ADDED, "sub\\inner.txt"));
        flat.cancel().run();
        assertThat(flat.completion().get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.CANCELLED);
        f.close(sub);
        assertThat(tree.completion().get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.NOTIFY_CLEANUP);
    }

    @Test
    void notOnFilesAndClosedByTreeDisconnect() throws Exception {
        FileId file = f.file("x");
        assertThat(f.status(new ChangeNotifyRequest(0, 4096, file, NAMES))).isEqualTo(NtStatus.INVALID_PARAMETER);
        Outcome.Pending p = watch(root, 0, NAMES);
        f.handler.close();
        assertThat(p.completion().get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.NOTIFY_CLEANUP);
        assertThat(f.handler.openCount()).isZero();
    }

    @Test
    void severalRequestsWaitInTurnAndTheFirstSetsFilterAndSize() throws Exception {
        Outcome.Pending first = watch(root, 0, NotifyRegistry.FILE_NAME);
        Outcome.Pending second = watch(root, 0, NotifyRegistry.DIR_NAME);
        f.close(f.file("one.txt"));
        assertThat(changes(first)).extracting(FileNotifyInformation::fileName).containsExactly("one.txt");
        assertThat(second.completion()).isNotDone();
        f.close(f.dir("sub"));
        assertThat(second.completion()).as("the first request's filter stays").isNotDone();
        f.close(f.file("two.txt"));
        assertThat(changes(second)).extracting(FileNotifyInformation::fileName).containsExactly("two.txt");
        FileId other = f.dir("");
        Outcome tiny = f.handle(new ChangeNotifyRequest(0, 1, other, NAMES));
        f.close(f.file("three.txt"));
        assertThat(((Outcome.Pending) tiny).completion().get(5, TimeUnit.SECONDS).status())
                .isEqualTo(NtStatus.NOTIFY_ENUM_DIR);
        Outcome big = f.handle(new ChangeNotifyRequest(0, 4096, other, NAMES));
        f.close(f.file("four.txt"));
        assertThat(((Outcome.Pending) big).completion().get(5, TimeUnit.SECONDS).status())
                .as("no answer is bigger than the first request's buffer").isEqualTo(NtStatus.NOTIFY_ENUM_DIR);
        assertThat(f.status(new ChangeNotifyRequest(0, (1 << 20) + 1, other, NAMES)))
                .as("beyond MaxTransactSize").isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    @Test
    void tooSmallABufferIsEnumDir() throws Exception {
        Outcome o = f.handle(new ChangeNotifyRequest(0, 8, root, NAMES));
        f.close(f.file("a-long-name.txt"));
        Outcome.Done d = ((Outcome.Pending) o).completion().get(5, TimeUnit.SECONDS);
        assertThat(d.status()).isEqualTo(NtStatus.NOTIFY_ENUM_DIR);
    }
}
