package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb1.Trans2;
import org.smbscope.codec.wire.Hex;
import org.smbscope.codec.wire.WireWriter;

class Smb1InfoTest {
    /** One FILE_BOTH_DIR_INFORMATION entry (class 3) with a UTF-16 name, 8-byte padded. */
    private static byte[] bothEntry(String name, String shortName, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        byte[] sn = java.util.Arrays.copyOf(shortName.getBytes(StandardCharsets.UTF_16LE), 24);
        return new WireWriter().u32le(0).u32le(0).u64le(1).u64le(2).u64le(3).u64le(4).u64le(size).u64le(4096).u32le(0x20)
                .u32le(n.length).u32le(0).u8(shortName.length() * 2).u8(0).bytes(sn).bytes(n).toByteArray();
    }

    @Test
    void oemEntriesRewriteNamesAndChain() throws Exception {
        byte[] a = bothEntry("alpha.txt", "ALPHA.TXT", 5);
        byte[] b = bothEntry("b", "", 7);
        WireWriter w = new WireWriter().bytes(a);
        w.align(8);
        int second = w.size();
        w.patchU32le(0, second);
        w.bytes(b);
        byte[] oem = Smb1Info.oemEntries(w.toByteArray(), 3);
        List<Trans2.FindFileBothDirectoryInfo> entries = Trans2.FindFileBothDirectoryInfo.decodeAll(oem, 2, false);
        assertThat(entries).extracting(Trans2.FindFileBothDirectoryInfo::fileName).containsExactly("alpha.txt", "b");
        assertThat(entries).extracting(Trans2.FindFileBothDirectoryInfo::shortName).containsExactly("ALPHA.TXT", "");
        assertThat(entries).extracting(Trans2.FindFileBothDirectoryInfo::endOfFile).containsExactly(5L, 7L);
        int[] count = Smb1Info.countEntries(oem);
        assertThat(count[0]).isEqualTo(2);
        assertThat(count[1]).isEqualTo(104); // 94 + 9 name bytes, aligned to 8
    }

    @Test
    void oemEntriesStopAtALyingNameLength() {
        byte[] e = bothEntry("x", "", 1);
        e[60] = (byte) 0xF0; // FileNameLength past the buffer
        assertThat(Smb1Info.oemEntries(e, 3)).isEmpty();
    }

    @Test
    void allInfoIsCutFromFileAllInformation() {
        // FILE_ALL_INFORMATION: basic 40, standard 24, internal 8, EA 4, access 4, position 8, mode 4, alignment 4,
        // name length 4 + name
        WireWriter w = new WireWriter();
        w.bytes(new byte[40]);
        w.u64le(4096).u64le(10).u32le(1).u8(0).u8(0).u16le(0);
        w.u64le(0x1122334455667788L).u32le(0xEEEE).u32le(0x1F01FF).u64le(0).u32le(0).u32le(0);
        w.u32le(4).bytes("\\a".getBytes(StandardCharsets.UTF_16LE));
        byte[] smb1 = Smb1Info.allInfo(w.toByteArray());
        assertThat(smb1).hasSize(40 + 24 + 4 + 4 + 4);
        assertThat(Smb1Legacy.u32(smb1, 64)).isEqualTo(0xEEEE);
        assertThat(Smb1Legacy.u32(smb1, 68)).isEqualTo(4);
    }

    @Test
    void infoStandardUsesDosDatesAndShortSizes() {
        // FileNetworkOpenInformation: 2026-11-21 03:00:00 UTC for all times, alloc 4096, eof 10, attributes ARCHIVE
        long ft = org.smbscope.codec.dtyp.FileTime.of(java.time.Instant.parse("2026-11-21T03:00:00Z")).value();
        byte[] n = new WireWriter().u64le(ft).u64le(ft).u64le(ft).u64le(ft).u64le(4096).u64le(10).u32le(0x20).u32le(0)
                .toByteArray();
        byte[] std = Smb1Info.infoStandard(n, false);
        assertThat(std).isEqualTo(Hex.parse("""
                # creation date 2026-11-21 ((46 << 9) | (11 << 5) | 21), time 03:00:00 (3 << 11)
                75 5d 00 18
                # last access, last write
                75 5d 00 18  75 5d 00 18
                # FileDataSize 10, AllocationSize 4096, Attributes ARCHIVE
                0a 00 00 00  00 10 00 00  20 00
                """));
        assertThat(Smb1Info.infoStandard(n, true)).hasSize(26);
    }

    @Test
    void allocationFromFsSize() {
        byte[] size = new WireWriter().u64le(1000).u64le(250).u32le(8).u32le(512).toByteArray();
        assertThat(Smb1Info.allocation(size)).isEqualTo(Hex.parse("""
                00 00 00 00  08 00 00 00  e8 03 00 00  fa 00 00 00  00 02
                """));
    }

    @Test
    void levels() {
        assertThat(Smb1Info.findClass(0x104)).isEqualTo(3);
        assertThat(Smb1Info.findClass(0x1)).isNull();
        assertThat(Smb1Info.fileLevel(1004).infoClass()).isEqualTo(4);
        assertThat(Smb1Info.fileLevel(0x107).infoClass()).isEqualTo(18);
        assertThat(Smb1Info.fsLevel(0x105).infoClass()).isEqualTo(5);
        assertThat(Smb1Info.setClass(0x104)).isEqualTo(20);
        assertThat(Smb1Info.setClass(1010)).isNull(); // rename needs the SMB2 layout, not passed through
    }

    @Test
    void smb1RenameInformationBecomesTheSmb2Layout() {
        byte[] name = "new.txt".getBytes(StandardCharsets.UTF_16LE);
        byte[] smb1 = new WireWriter().u8(1).bytes(new byte[3]).u32le(0).u32le(name.length).bytes(name).toByteArray();
        byte[] smb2 = Smb1Info.renameForSmb2(smb1, "dir\\old.txt");
        assertThat(smb2[0]).isEqualTo((byte) 1);
        assertThat(Smb1Legacy.u32(smb2, 16)).isEqualTo(("dir\\new.txt".length()) * 2L);
        assertThat(new String(smb2, 20, smb2.length - 20, StandardCharsets.UTF_16LE)).isEqualTo("dir\\new.txt");
        byte[] lying = new WireWriter().u8(0).bytes(new byte[3]).u32le(0).u32le(200).toByteArray();
        assertThat(Smb1Info.renameForSmb2(lying, "x")).isNull();
        byte[] stream = ":Stream One:$DATA".getBytes(StandardCharsets.UTF_16LE);
        byte[] toStream = Smb1Info.renameForSmb2(new WireWriter().u8(1).bytes(new byte[3]).u32le(0)
                .u32le(stream.length).bytes(stream).toByteArray(), "dir\\old.txt:s");
        assertThat(new String(toStream, 20, toStream.length - 20, StandardCharsets.UTF_16LE))
                .as("a stream rename keeps its leading colon").isEqualTo(":Stream One:$DATA");
    }

    @Test
    void passthroughAllInformationHasTheSmb1Layout() {
        byte[] all = new byte[104];
        all[96] = 4; // name length
        assertThat(Smb1Info.fileLevel(1018).infoClass()).isEqualTo(18);
        assertThat(Smb1Info.fileLevel(1018).convert(all)).hasSize(76);
        assertThat(Smb1Info.fileLevel(1004).convert(all)).hasSize(104);
    }
}
