package org.smbscope.codec.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.wire.Hex;

class FileNotifyInformationTest {
    private static final byte[] GOLDEN = Hex.parse("""
            10 00 00 00            # NextEntryOffset 16
            04 00 00 00            # Action RENAMED_OLD_NAME
            02 00 00 00            # FileNameLength 2
            61 00                  # FileName "a"
            00 00                  # padding to 4
            00 00 00 00            # NextEntryOffset 0 (last)
            05 00 00 00            # Action RENAMED_NEW_NAME
            06 00 00 00            # FileNameLength 6
            62 00 5c 00 63 00      # FileName "b\\c"
            """);

    @Test
    void streamActionsNameTheFileAndItsStream() throws Exception {
        byte[] wire = Hex.parse("""
                00 00 00 00            # NextEntryOffset 0 (last)
                06 00 00 00            # Action ADDED_STREAM
                06 00 00 00            # FileNameLength 6
                61 00 3a 00 73 00      # FileName "a:s"
                """);
        List<FileNotifyInformation> one = List.of(
                new FileNotifyInformation(FileNotifyInformation.ACTION_ADDED_STREAM, "a:s"));
        assertThat(FileNotifyInformation.encode(one)).isEqualTo(wire);
        assertThat(FileNotifyInformation.decode(wire)).isEqualTo(one);
        assertThat(FileNotifyInformation.ACTION_REMOVED_STREAM).isEqualTo(7);
        assertThat(FileNotifyInformation.ACTION_MODIFIED_STREAM).isEqualTo(8);
    }

    @Test
    void goldenChain() throws Exception {
        List<FileNotifyInformation> list = List.of(
                new FileNotifyInformation(FileNotifyInformation.ACTION_RENAMED_OLD_NAME, "a"),
                new FileNotifyInformation(FileNotifyInformation.ACTION_RENAMED_NEW_NAME, "b\\c"));
        assertThat(FileNotifyInformation.encode(list)).isEqualTo(GOLDEN);
        assertThat(FileNotifyInformation.decode(GOLDEN)).isEqualTo(list);
        assertThat(FileNotifyInformation.decode(new byte[0])).isEmpty();
        assertThat(list.get(1).encodedSize()).isEqualTo(18);
    }

    @Test
    void hostile() {
        byte[] odd = GOLDEN.clone();
        odd[0] = 0x0e; // not a multiple of 4
        assertThatThrownBy(() -> FileNotifyInformation.decode(odd)).isInstanceOf(FsccDecodeException.class);
        byte[] past = GOLDEN.clone();
        past[0] = 0x40; // beyond the buffer
        assertThatThrownBy(() -> FileNotifyInformation.decode(past)).isInstanceOf(FsccDecodeException.class);
        byte[] longName = GOLDEN.clone();
        longName[24] = 0x7f; // second name length past the end
        assertThatThrownBy(() -> FileNotifyInformation.decode(longName)).isInstanceOf(FsccDecodeException.class);
        assertThatThrownBy(() -> FileNotifyInformation.decode(new byte[5])).isInstanceOf(FsccDecodeException.class);
    }

    @Test
    void directoryEntrySizeMatchesTheEncoding() {
        for (int c : new int[] {1, 2, 3, 12, 37, 38}) {
            FileInformationClass cls = new FileInformationClass(c);
            DirectoryEntry e = new DirectoryEntry(cls, 0, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO,
                    1, 4096, Set.of(FileAttribute.ARCHIVE), 0, "", 5, "name.txt");
            assertThat(DirectoryInformation.encodedSize(cls, e)).as(cls.name())
                    .isEqualTo(DirectoryInformation.encode(cls, List.of(e)).length);
        }
    }
}
