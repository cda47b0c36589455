package org.smbscope.codec.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.wire.Hex;

class FileInformationTest {
    @Test
    void roundTrips() throws Exception {
        FileTime t = FileTime.of(Instant.parse("2026-11-21T00:19:44.7641716Z"));
        FileInformation.Basic basic = new FileInformation.Basic(t, t, t, t, Set.of(FileAttribute.ARCHIVE));
        FileInformation.Standard std = new FileInformation.Standard(4096, 31, 1, false, false);
        List<FileInformation> all = List.of(basic, std,
                new FileInformation.All(basic, std, 77, 0, 0x120089, 0, 0, 0, "\\hello.txt"),
                new FileInformation.NetworkOpen(t, t, t, t, 4096, 31, Set.of(FileAttribute.NORMAL)),
                new FileInformation.Name("\\sub\\x"),
                new FileInformation.Value(FileInformationClass.END_OF_FILE, 12345),
                new FileInformation.Value(FileInformationClass.EA, 0),
                new FileInformation.Disposition(true),
                new FileInformation.Rename(true, 0, "sub\\new.txt"),
                new FileInformation.AttributeTag(Set.of(FileAttribute.DIRECTORY), 0),
                new FileInformation.Streams(List.of(new FileInformation.Stream("::$DATA", 31, 4096),
                        new FileInformation.Stream(":alt:$DATA", 3, 8))));
        for (FileInformation i : all) {
            assertThat(FileInformation.decode(i.infoClass(), FileInformation.encode(i))).isEqualTo(i);
        }
        assertThat(FileInformation.encode(basic)).hasSize(40);
        assertThat(FileInformation.encode(std)).hasSize(24);
    }

    @Test
    void fsRoundTrips() throws Exception {
        List<FsInformation> all = List.of(
                new FsInformation.Volume(new FileTime(0), 0x1234, false, "share"),
                new FsInformation.Size(1000, 500, 8, 512),
                new FsInformation.FullSize(1000, 400, 500, 8, 512),
                new FsInformation.Device(7, 0x20),
                new FsInformation.Attribute(0x8f, 255, "NTFS"),
                new FsInformation.SectorSize(512, 512, 512, 512, 0, 0, 0),
                new FsInformation.ObjectId(new byte[16], new byte[48]));
        for (FsInformation i : all) {
            assertThat(FsInformation.decode(i.infoClass(), FsInformation.encode(i))).isEqualTo(i);
        }
    }

    @Test
    void fileTimeAndHostile() {
        assertThat(new FileTime(0x01d3167040000000L).toInstant()).isBefore(Instant.now());
        assertThat(FileTime.of(Instant.EPOCH).value()).isEqualTo(116444736000000000L);
        byte[] nameTooLong = Hex.parse("ff ff ff 7f 41 00");
        assertThatThrownBy(() -> FileInformation.decode(FileInformationClass.NAME, nameTooLong))
                .isInstanceOf(FsccDecodeException.class).hasMessageContaining("beyond");
        byte[] loop = Hex.parse("00 00 00 00 00 00 00 00 01 00 00 00");
        assertThatThrownBy(() -> DirectoryInformation.decode(FileInformationClass.NAMES,
                Hex.parse("04 00 00 00 00 00 00 00 00 00 00 00"))).isInstanceOf(FsccDecodeException.class);
        assertThatThrownBy(() -> DirectoryInformation.decode(FileInformationClass.NAMES, loop))
                .isInstanceOf(FsccDecodeException.class);
    }
}
