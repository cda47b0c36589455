package org.smbscope.server.smb1;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB1 information levels ([MS-CIFS] 2.2.2.3, [MS-SMB] 2.2.2.3.5 pass-through levels) and the FSCC classes that
 * answer them: most SMB1 NT levels have the FSCC layout; SMB_QUERY_FILE_ALL_INFO is cut from FileAllInformation,
 * SMB_INFO_ALLOCATION and SMB_INFO_VOLUME are built from FileFsSizeInformation and FileFsVolumeInformation.
 */
final class Smb1Info {
    private static final int PASSTHROUGH = 1000;

    private Smb1Info() {
    }

    /** An FSCC class and how its output becomes the SMB1 level's. */
    record Level(int infoClass, UnaryOperator<byte[]> convert) {
        byte[] convert(byte[] fscc) {
            return convert.apply(fscc);
        }
    }

    /** FIND_FIRST2 / FIND_NEXT2 levels, or null when not served. */
    static Integer findClass(int level) {
        return switch (level) {
            case 0x101 -> 1;
            case 0x102 -> 2;
            case 0x103 -> 12;
            case 0x104 -> 3;
            case 0x105 -> 38;
            case 0x106 -> 37;
            default -> null;
        };
    }

    /** QUERY_PATH / QUERY_FILE levels. */
    static Level fileLevel(int level) {
        if (level == PASSTHROUGH + 18) {
            // SMB_FILE_ALL_INFORMATION over SMB1 has the SMB_QUERY_FILE_ALL_INFO layout (Samba's client and server)
            return new Level(18, Smb1Info::allInfo);
        }
        if (level > PASSTHROUGH && level < PASSTHROUGH + 100) {
            return new Level(level - PASSTHROUGH, UnaryOperator.identity());
        }
        return switch (level) {
            case 1 -> new Level(34, n -> infoStandard(n, false));
            case 2 -> new Level(34, n -> infoStandard(n, true));
            case 0x101 -> new Level(4, UnaryOperator.identity());
            case 0x102 -> new Level(5, UnaryOperator.identity());
            case 0x103 -> new Level(7, UnaryOperator.identity());
            case 0x104 -> new Level(9, UnaryOperator.identity());
            case 0x107 -> new Level(18, Smb1Info::allInfo);
            case 0x108 -> new Level(21, UnaryOperator.identity());
            case 0x109 -> new Level(22, UnaryOperator.identity());
            case 0x10B -> new Level(28, UnaryOperator.identity());
            default -> null;
        };
    }

    /**
     * SMB_QUERY_FILE_ALL_INFO ([MS-CIFS] 2.2.8.3.8): basic (40 bytes), standard (24), EaSize, then the name; cut
     * from FILE_ALL_INFORMATION ([MS-FSCC] 2.4.2: internal at 64, EA at 72, name at 96).
     */
    static byte[] allInfo(byte[] all) {
        if (all.length < 100) {
            return all;
        }
        WireWriter w = new WireWriter();
        w.bytes(Arrays.copyOfRange(all, 0, 64)).bytes(Arrays.copyOfRange(all, 72, 76))
                .bytes(Arrays.copyOfRange(all, 96, all.length));
        return w.toByteArray();
    }

    /** QUERY_FS_INFORMATION levels. */
    static Level fsLevel(int level) {
        if (level > PASSTHROUGH && level < PASSTHROUGH + 100) {
            return new Level(level - PASSTHROUGH, UnaryOperator.identity());
        }
        return switch (level) {
            case 1 -> new Level(3, Smb1Info::allocation);
            case 2 -> new Level(1, Smb1Info::volume);
            case 0x102 -> new Level(1, UnaryOperator.identity());
            case 0x103 -> new Level(3, UnaryOperator.identity());
            case 0x104 -> new Level(4, UnaryOperator.identity());
            case 0x105 -> new Level(5, UnaryOperator.identity());
            default -> null;
        };
    }

    /** SMB_INFO_ALLOCATION ([MS-CIFS] 2.2.8.2.1) from FileFsSizeInformation. */
    static byte[] allocation(byte[] size) {
        if (size.length < 24) {
            return new byte[18];
        }
        long total = le64(size, 0);
        long avail = le64(size, 8);
        long spu = le32(size, 16);
        long bps = le32(size, 20);
        return new WireWriter().u32le(0).u32le(spu).u32le(Math.min(total, 0xFFFFFFFFL)).u32le(Math.min(avail, 0xFFFFFFFFL))
                .u16le((int) Math.min(bps, 0xFFFF)).toByteArray();
    }

    /** SMB_INFO_VOLUME ([MS-CIFS] 2.2.8.2.2) from FileFsVolumeInformation: serial, no label. */
    static byte[] volume(byte[] vol) {
        long serial = vol.length >= 12 ? le32(vol, 8) : 0;
        return new WireWriter().u32le(serial).u8(0).toByteArray();
    }

    /** SET_FILE / SET_PATH levels. */
    static Integer setClass(int level) {
        if (level > PASSTHROUGH && level < PASSTHROUGH + 100 && level != PASSTHROUGH + 10) {
            return level - PASSTHROUGH;
        }
        return switch (level) {
            case 0x101 -> 4;
            case 0x102 -> 13;
            case 0x103 -> 19;
            case 0x104 -> 20;
            default -> null;
        };
    }

    private static long le64(byte[] b, int at) {
        return le32(b, at) | le32(b, at + 4) << 32;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /**
     * SMB_INFO_STANDARD / SMB_INFO_QUERY_EA_SIZE ([MS-CIFS] 2.2.8.3.1 and 2.2.8.3.2) from FileNetworkOpenInformation:
     * DOS dates and times (UTC, the server's zone), 32-bit sizes, 16-bit attributes.
     */
    static byte[] infoStandard(byte[] n, boolean eaSize) {
        if (n.length < 56) {
            return n;
        }
        WireWriter w = new WireWriter();
        dosDateTimes(w, n, java.time.ZoneOffset.UTC, true);
        w.u32le(Math.min(le64(n, 40), 0xFFFFFFFFL)).u32le(Math.min(le64(n, 32), 0xFFFFFFFFL)).u16le((int) (le32(n, 48) & 0x37));
        if (eaSize) {
            w.u32le(0);
        }
        return w.toByteArray();
    }

    /** SMB_COM_QUERY_INFORMATION2 response words ([MS-CIFS] 2.2.4.31.2) from FileNetworkOpenInformation. */
    static byte[] getAttrE(byte[] n, java.time.ZoneId zone) {
        WireWriter w = new WireWriter();
        dosDateTimes(w, n, zone, true);
        w.u32le(Math.min(le64(n, 40), 0xFFFFFFFFL)).u32le(Math.min(le64(n, 32), 0xFFFFFFFFL)).u16le((int) (le32(n, 48) & 0x37));
        return w.toByteArray();
    }

    /** Creation, last access, last write as SMB_DATE + SMB_TIME pairs ([MS-CIFS] 2.2.1.4.1). */
    private static void dosDateTimes(WireWriter w, byte[] n, java.time.ZoneId zone, boolean dateFirst) {
        for (int at : new int[] {0, 8, 16}) {
            long ft = le64(n, at);
            int date = 0;
            int time = 0;
            if (ft != 0) {
                java.time.LocalDateTime t = java.time.LocalDateTime.ofInstant(
                        new org.smbscope.codec.dtyp.FileTime(ft).toInstant(), zone);
                if (t.getYear() >= 1980 && t.getYear() <= 2107) {
                    date = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
                    time = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2;
                }
            }
            if (dateFirst) {
                w.u16le(date).u16le(time);
            } else {
                w.u16le(time).u16le(date);
            }
        }
    }

    /** Where the FileName starts in an entry of a directory class, and where its FileNameLength is. */
    private static int[] nameLayout(int cls) {
        return switch (cls) {
            case 1 -> new int[] {60, 64};
            case 2 -> new int[] {60, 68};
            case 3 -> new int[] {60, 94};
            case 12 -> new int[] {8, 12};
            case 37 -> new int[] {60, 104};
            case 38 -> new int[] {60, 80};
            default -> null;
        };
    }

    /**
     * Directory entries for a client that did not negotiate Unicode (Flags2 without UNICODE): the FSCC entries carry
     * UTF-16 names; each name (and a short name) is rewritten in the OEM code page (ISO-8859-1 here), the entries
     * re-chained 8-byte aligned.
     */
    static byte[] oemEntries(byte[] entries, int cls) {
        int[] layout = nameLayout(cls);
        if (layout == null || entries.length == 0) {
            return entries;
        }
        WireWriter w = new WireWriter();
        int pos = 0;
        int prev = -1;
        while (pos + layout[1] <= entries.length) {
            long next = le32(entries, pos);
            long nameLen = le32(entries, pos + layout[0]);
            int nameAt = pos + layout[1];
            if (nameLen > entries.length - nameAt) {
                break;
            }
            if (prev >= 0) {
                w.align(8);
                w.patchU32le(prev, w.size() - prev);
            }
            int start = w.size();
            byte[] fixed = Arrays.copyOfRange(entries, pos, nameAt);
            if (cls == 3 || cls == 37) {
                int shortLen = fixed[68] & 0xFF;
                String shortName = new String(fixed, 70, Math.min(shortLen, 24) & ~1, java.nio.charset.StandardCharsets.UTF_16LE);
                byte[] oem = shortName.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                Arrays.fill(fixed, 70, 94, (byte) 0);
                System.arraycopy(oem, 0, fixed, 70, Math.min(oem.length, 24));
                fixed[68] = (byte) Math.min(oem.length, 24);
            }
            String name = new String(entries, nameAt, (int) nameLen & ~1, java.nio.charset.StandardCharsets.UTF_16LE);
            byte[] oemName = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            w.bytes(fixed).bytes(oemName);
            w.patchU32le(start, 0);
            w.patchU32le(start + layout[0], oemName.length);
            prev = start;
            if (next == 0 || next > entries.length - pos) {
                break;
            }
            pos += (int) next;
        }
        return w.toByteArray();
    }

    /** The number of chained entries and the offset of the last one. */
    static int[] countEntries(byte[] entries) {
        int count = 0;
        int pos = 0;
        int last = 0;
        while (pos + 4 <= entries.length) {
            count++;
            last = pos;
            long next = le32(entries, pos);
            if (next == 0 || next > entries.length - pos) {
                break;
            }
            pos += (int) next;
        }
        return new int[] {count, last};
    }

    /**
     * An SMB1 pass-through FILE_RENAME_INFORMATION ([MS-SMB] 2.2.2.3.5 with the 32-bit layout: ReplaceIfExists,
     * 3 reserved, RootDirectory (4), FileNameLength, FileName) rewritten for SMB2 (7 reserved, RootDirectory (8)); a
     * target without a backslash stays in the directory of {@code openName}. Null when malformed.
     */
    static byte[] renameForSmb2(byte[] smb1, String openName) {
        if (smb1.length < 12) {
            return null;
        }
        long len = le32(smb1, 8);
        if (len > smb1.length - 12 || (len & 1) != 0) {
            return null;
        }
        String target = new String(smb1, 12, (int) len, java.nio.charset.StandardCharsets.UTF_16LE);
        int nul = target.indexOf('\0');
        target = nul >= 0 ? target.substring(0, nul) : target;
        if (target.indexOf('\\') < 0 && !target.startsWith(":")) {
            // (a ":stream" target renames a stream of the open file and keeps its colon)
            int slash = openName.lastIndexOf('\\');
            target = slash < 0 ? target : openName.substring(0, slash + 1) + target;
        } else {
            while (target.startsWith("\\")) {
                target = target.substring(1);
            }
        }
        byte[] name = target.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        return new WireWriter().u8(smb1[0]).bytes(new byte[7]).u64le(0).u32le(name.length).bytes(name).toByteArray();
    }
}
