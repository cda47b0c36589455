package org.smbscope.codec.fscc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Decodes and encodes the NextEntryOffset chains of the directory information classes
 * ([MS-FSCC] 2.4): every NextEntryOffset must be a multiple of 8 that lands inside the buffer
 * after the entry's fixed part, so the chain always advances and ends.
 */
public final class DirectoryInformation {
    /** Hard cap on entries in one buffer. */
    public static final int MAX_ENTRIES = 65536;

    private DirectoryInformation() {
    }

    public static boolean isSupported(FileInformationClass c) {
        return switch (c.value()) {
            case 1, 2, 3, 12, 37, 38 -> true;
            default -> false;
        };
    }

    private static int fixedSize(FileInformationClass c) {
        return switch (c.value()) {
            case 1 -> 64;
            case 2 -> 68;
            case 3 -> 94;
            case 12 -> 12;
            case 37 -> 104;
            case 38 -> 80;
            default -> -1;
        };
    }

    /** Bytes {@code e} takes when encoded as class {@code c}, before the 8-byte padding between entries. */
    public static int encodedSize(FileInformationClass c, DirectoryEntry e) {
        int fixed = fixedSize(c);
        if (fixed < 0) {
            throw new IllegalArgumentException(c.name() + " is not a directory information class");
        }
        return fixed + e.fileName().length() * 2;
    }

    public static List<DirectoryEntry> decode(FileInformationClass c, byte[] buffer) throws FsccDecodeException {
        int fixed = fixedSize(c);
        WireReader all = WireReader.of(buffer, FsccDecodeException::new);
        try {
            if (fixed < 0) {
                throw all.fail("FileInformationClass", c.name() + " is not a directory information class");
            }
            List<DirectoryEntry> out = new ArrayList<>();
            int at = 0;
            if (buffer.length == 0) {
                return out;
            }
            while (true) {
                if (out.size() >= MAX_ENTRIES) {
                    throw all.fail("NextEntryOffset", "more than " + MAX_ENTRIES + " entries");
                }
                WireReader r = all.slice("Entry", at, buffer.length - at);
                long next = r.u32le("NextEntryOffset");
                if (next != 0 && (next < fixed || (next & 7) != 0 || next > r.length())) {
                    throw r.failAt("NextEntryOffset", at, "next entry offset " + next
                            + " must be a multiple of 8, at least " + fixed + " and inside the " + r.length()
                            + " bytes left");
                }
                WireReader e = r.slice("Entry", 0, next == 0 ? r.length() : (int) next);
                e.skip("NextEntryOffset", 4);
                out.add(readEntry(c, e));
                if (next == 0) {
                    return out;
                }
                at += (int) next;
            }
        } catch (FsccDecodeException ex) {
            throw ex;
        } catch (DecodeException ex) {
            throw new FsccDecodeException(ex.field(), ex.offset(), ex.detail());
        }
    }

    private static DirectoryEntry readEntry(FileInformationClass c, WireReader r) throws DecodeException {
        long index = r.u32le("FileIndex");
        if (c.value() == 12) {
            long len = r.u32le("FileNameLength");
            String name = r.utf16le("FileName", checked(r, len));
            return new DirectoryEntry(c, index, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, 0, 0,
                    java.util.Set.of(), 0, "", 0, name);
        }
        FileTime created = new FileTime(r.u64le("CreationTime"));
        FileTime accessed = new FileTime(r.u64le("LastAccessTime"));
        FileTime written = new FileTime(r.u64le("LastWriteTime"));
        FileTime changed = new FileTime(r.u64le("ChangeTime"));
        long eof = r.u64le("EndOfFile");
        long alloc = r.u64le("AllocationSize");
        int attrs = r.i32le("FileAttributes");
        long nameLength = r.u32le("FileNameLength");
        int ea = 0;
        String shortName = "";
        long fileId = 0;
        if (c.value() != 1) {
            ea = r.i32le("EaSize");
        }
        if (c.value() == 3 || c.value() == 37) {
            int shortLength = r.u8("ShortNameLength");
            r.skip("Reserved1", 1);
            byte[] sn = r.bytes("ShortName", 24);
            if (shortLength > 24 || (shortLength & 1) != 0) {
                throw r.fail("ShortNameLength", "short name length " + shortLength + " (even, at most 24)");
            }
            shortName = new String(sn, 0, shortLength, StandardCharsets.UTF_16LE);
        }
        if (c.value() == 37) {
            r.skip("Reserved2", 2);
            fileId = r.u64le("FileId");
        } else if (c.value() == 38) {
            r.skip("Reserved1", 4);
            fileId = r.u64le("FileId");
        }
        String name = r.utf16le("FileName", checked(r, nameLength));
        return new DirectoryEntry(c, index, created, accessed, written, changed, eof, alloc,
                FileAttribute.fromMask(attrs), ea, shortName, fileId, name);
    }

    private static int checked(WireReader r, long len) throws DecodeException {
        if (len > r.remaining()) {
            throw r.fail("FileNameLength", "name length " + len + " beyond the entry (" + r.remaining() + " left)");
        }
        return (int) len;
    }

    /** Encodes entries as a chain, each entry padded to 8 bytes (the last unpadded). */
    public static byte[] encode(FileInformationClass c, List<DirectoryEntry> entries) {
        if (fixedSize(c) < 0) {
            throw new IllegalArgumentException(c.name() + " is not a directory information class");
        }
        WireWriter w = new WireWriter();
        for (int i = 0; i < entries.size(); i++) {
            DirectoryEntry e = entries.get(i);
            int start = w.size();
            w.u32le(0).u32le(e.fileIndex());
            byte[] name = e.fileName().getBytes(StandardCharsets.UTF_16LE);
            if (c.value() == 12) {
                w.u32le(name.length).bytes(name);
            } else {
                w.u64le(e.creationTime().value()).u64le(e.lastAccessTime().value())
                        .u64le(e.lastWriteTime().value()).u64le(e.changeTime().value()).u64le(e.endOfFile())
                        .u64le(e.allocationSize()).u32le(FileAttribute.toMask(e.attributes())).u32le(name.length);
                if (c.value() != 1) {
                    w.u32le(e.eaSize() & 0xFFFFFFFFL);
                }
                if (c.value() == 3 || c.value() == 37) {
                    byte[] sn = e.shortName().getBytes(StandardCharsets.UTF_16LE);
                    int n = Math.min(sn.length, 24);
                    w.u8(n).u8(0).bytes(sn, 0, n).zeros(24 - n);
                }
                if (c.value() == 37) {
                    w.u16le(0).u64le(e.fileId());
                } else if (c.value() == 38) {
                    w.u32le(0).u64le(e.fileId());
                }
                w.bytes(name);
            }
            if (i < entries.size() - 1) {
                w.align(8);
                w.patchU32le(start, w.size() - start);
            }
        }
        return w.toByteArray();
    }
}
