package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/** Descriptors enforced at CREATE and SET_INFO ([MS-SMB2] 3.3.5.9, [MS-FSA] 2.1.5.1.2), as alice. */
class AclEnforcementTest {
    private FsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private NtStatus setSd(FileId id, String sddl, int bits) {
        return f.status(new SetInfoRequest(InfoType.SECURITY, 0, Sddl.parse(sddl).write(bits), bits, id));
    }

    private String sd(FileId id) {
        Outcome.Done d = f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 7, 0, id));
        return Sddl.print(SdParts.parse(((QueryInfoResponse) d.response()).output()));
    }

    private int access(FileId id) {
        Outcome.Done d = f.queryFile(id, FileInformationClass.ACCESS, 64);
        return ByteBuffer.wrap(((QueryInfoResponse) d.response()).output()).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private Outcome.Done open(String name, int access, CreateContext... contexts) {
        return f.create(name, access, 7, CreateDisposition.OPEN, CreateOptions.NONE, contexts);
    }

    @Test
    void newFilesInheritFromTheShareDefault() {
        FileId dir = f.dir("d");
        assertThat(sd(dir)).isEqualTo("O:ME G:DU D:(A;OICI;0x001f01ff;;;WD)");
        FileId file = f.file("d\\x.txt");
        assertThat(sd(file)).isEqualTo("O:ME G:DU D:(A;;0x001f01ff;;;WD)");
    }

    @Test
    void createChecksTheDescriptor() {
        FileId h = f.id(f.create("a.txt", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.NONE));
        assertThat(setSd(h, "D:(A;;0x2;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        assertThat(open("a.txt", Access.READ_DATA).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        Outcome.Done w = open("a.txt", Access.WRITE_DATA);
        assertThat(w.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(access(FsFixture.id(w))).isEqualTo(Access.WRITE_DATA);
        // READ_ATTRIBUTES always, DELETE through the parent's FILE_DELETE_CHILD, owner's READ_CONTROL|WRITE_DAC
        Outcome.Done max = open("a.txt", Access.MAXIMUM_ALLOWED);
        assertThat(access(FsFixture.id(max))).isEqualTo(Access.WRITE_DATA | Access.READ_ATTRIBUTES | Access.DELETE
                | Access.READ_CONTROL | Access.WRITE_DAC);
        assertThat(open("a.txt", Access.MAXIMUM_ALLOWED | Access.READ_DATA).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        // overwriting needs FILE_WRITE_DATA; generic read maps to rights that are not granted
        assertThat(f.create("a.txt", Access.READ_ATTRIBUTES, 7, CreateDisposition.OVERWRITE_IF, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(open("a.txt", Access.GENERIC_READ).status()).isEqualTo(NtStatus.ACCESS_DENIED);
    }

    @Test
    void maximalAccessContextIsTheFilesOwn() {
        FileId h = f.id(f.create("m.txt", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.NONE));
        assertThat(setSd(h, "D:(A;;FR;;;ME)(A;;0x2;;;OR)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        Outcome.Done d = open("m.txt", Access.READ_CONTROL, new CreateContext(CreateContext.MAXIMAL_ACCESS, new byte[0]));
        CreateContext mxac = ((CreateResponse) d.response()).contexts().get(0);
        ByteBuffer b = ByteBuffer.wrap(mxac.data()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).isZero();
        assertThat(b.getInt()).isEqualTo(Access.FILE_GENERIC_READ | Access.WRITE_DATA | Access.DELETE);
    }

    @Test
    void deleteNeedsDeleteOrTheParentsDeleteChild() {
        FileId dir = f.id(f.create("p", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.DIRECTORY_FILE));
        // the directory lets alice add files and passes most rights on, but not DELETE / DELETE_CHILD
        assertThat(setSd(dir, "D:(A;OI;0x1e01bf;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        int rw = Access.READ_DATA | Access.WRITE_DATA | Access.DELETE;
        Outcome.Done created = f.create("p\\f.txt", rw, 7, CreateDisposition.CREATE, CreateOptions.DELETE_ON_CLOSE);
        assertThat(created.status()).as("a new file grants what its creator asks").isEqualTo(NtStatus.SUCCESS);
        f.close(FsFixture.id(created));
        f.close(FsFixture.id(f.create("p\\g.txt", Access.WRITE_DATA, 7, CreateDisposition.CREATE, CreateOptions.NONE)));
        assertThat(f.create("p\\g.txt", rw, 7, CreateDisposition.OPEN_IF, CreateOptions.DELETE_ON_CLOSE).status())
                .isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(setSd(dir, "D:(A;;0x1e01ff;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.create("p\\g.txt", rw, 7, CreateDisposition.OPEN_IF, CreateOptions.DELETE_ON_CLOSE).status())
                .isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void creatingNeedsAddFileOnTheParent() {
        FileId dir = f.id(f.create("ro", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.DIRECTORY_FILE));
        assertThat(setSd(dir, "D:(A;;FR;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.create("ro\\new.txt", Access.WRITE_DATA, 7, CreateDisposition.CREATE, CreateOptions.NONE).status())
                .isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.create("ro\\sub", Access.READ_DATA, 7, CreateDisposition.CREATE, CreateOptions.DIRECTORY_FILE)
                .status()).isEqualTo(NtStatus.ACCESS_DENIED);
    }

    @Test
    void setInfoNeedsTheRightsAndAValidOwner() {
        FileId h = f.id(f.create("o.txt", Access.READ_CONTROL, 7, CreateDisposition.CREATE, CreateOptions.NONE));
        assertThat(setSd(h, "D:(A;;FA;;;WD)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.ACCESS_DENIED);
        FileId w = FsFixture.id(open("o.txt", Access.WRITE_OWNER | Access.READ_CONTROL));
        assertThat(setSd(w, "O:BA", SecurityDescriptors.OWNER)).isEqualTo(NtStatus.INVALID_OWNER);
        assertThat(setSd(w, "O:WD", SecurityDescriptors.OWNER)).isEqualTo(NtStatus.SUCCESS);
        assertThat(sd(w)).startsWith("O:WD ");
        // the SACL needs ACCESS_SYSTEM_SECURITY, which no open holds
        assertThat(f.status(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 8, 0, w)))
                .isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(setSd(w, "O:WD", 8)).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.create("o.txt", Access.ACCESS_SYSTEM_SECURITY, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.PRIVILEGE_NOT_HELD);
    }

    @Test
    void renameNeedsAddFileInTheTargetDirectoryAndDeleteOnAReplacedFile() {
        FileId dir = f.id(f.create("locked", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.DIRECTORY_FILE));
        FileId src = f.file("src.txt");
        assertThat(setSd(dir, "D:(A;;FR;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.setFile(src, FileInformationClass.RENAME, rename("locked\\src.txt", false)).status())
                .isEqualTo(NtStatus.ACCESS_DENIED);
        // in a directory without FILE_DELETE_CHILD, replacing a file needs DELETE on that file
        FileId d2 = f.id(f.create("d2", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.DIRECTORY_FILE));
        assertThat(setSd(d2, "D:(A;;0x1201bf;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        FileId victim = f.id(f.create("d2\\victim.txt", Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.NONE));
        assertThat(setSd(victim, "D:(A;;FR;;;ME)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        f.close(victim);
        FileId mover = f.id(f.create("d2\\mover.txt", Access.DELETE | Access.WRITE_DATA, 7, CreateDisposition.CREATE,
                CreateOptions.NONE));
        assertThat(f.setFile(mover, FileInformationClass.RENAME, rename("d2\\victim.txt", true)).status())
                .isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.setFile(mover, FileInformationClass.RENAME, rename("d2\\other.txt", false)).status())
                .isEqualTo(NtStatus.SUCCESS);
    }

    private static byte[] rename(String target, boolean replace) {
        byte[] name = target.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(20 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) (replace ? 1 : 0)).put(new byte[7]).putLong(0).putInt(name.length).put(name);
        return b.array();
    }

    @Test
    void anonymousIsNotTheOwner() {
        FileId h = f.id(f.create("n.txt", Access.READ_CONTROL | Access.WRITE_DAC, 7, CreateDisposition.CREATE,
                CreateOptions.NONE));
        assertThat(setSd(h, "D:(A;;FR;;;AU)", SecurityDescriptors.DACL)).isEqualTo(NtStatus.SUCCESS);
        RequestContext anon = new RequestContext(Smb2Dialect.SMB_3_1_1, "", true, 1 << 20, 1 << 20, 1 << 20);
        Outcome o = f.handler.handle(anon, FsFixture.createRequest("n.txt", Access.READ_DATA, 7,
                CreateDisposition.OPEN, CreateOptions.NONE));
        assertThat(((Outcome.Done) o).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(open("n.txt", Access.READ_DATA).status()).isEqualTo(NtStatus.SUCCESS);
    }
}
