package org.smbscope.codec.fscc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * One FILE_NOTIFY_INFORMATION entry, [MS-FSCC] 2.7.1: what CHANGE_NOTIFY answers. {@code fileName} is
 * relative to the watched directory. Entries are chained by NextEntryOffset, each 4-byte aligned.
 */
public record FileNotifyInformation(int action, String fileName) {
    public static final int ACTION_ADDED = 1;
    public static final int ACTION_REMOVED = 2;
    public static final int ACTION_MODIFIED = 3;
    public static final int ACTION_RENAMED_OLD_NAME = 4;
    public static final int ACTION_RENAMED_NEW_NAME = 5;
    /** A named stream was added to the file; {@code fileName} is {@code file:stream}. */
    public static final int ACTION_ADDED_STREAM = 6;
    /** A named stream was removed from the file. */
    public static final int ACTION_REMOVED_STREAM = 7;
    /** A named stream's data (or size) changed. */
    public static final int ACTION_MODIFIED_STREAM = 8;

    /** Hard cap on entries accepted from the wire. */
    static final int MAX_ENTRIES = 65536;

    public FileNotifyInformation {
        java.util.Objects.requireNonNull(fileName);
    }

    /** Bytes this entry takes when encoded, before alignment. */
    public int encodedSize() {
        return 12 + fileName.length() * 2;
    }

    /** The chain, each entry but the last padded to 4 bytes. */
    public static byte[] encode(List<FileNotifyInformation> entries) {
        WireWriter w = new WireWriter();
        for (int i = 0; i < entries.size(); i++) {
            FileNotifyInformation e = entries.get(i);
            int start = w.size();
            byte[] n = e.fileName.getBytes(StandardCharsets.UTF_16LE);
            w.u32le(0).u32le(e.action & 0xFFFFFFFFL).u32le(n.length).bytes(n);
            if (i < entries.size() - 1) {
                w.align(4);
                w.patchU32le(start, w.size() - start);
            }
        }
        return w.toByteArray();
    }

    public static List<FileNotifyInformation> decode(byte[] buffer) throws FsccDecodeException {
        WireReader all = WireReader.of(buffer, FsccDecodeException::new);
        List<FileNotifyInformation> out = new ArrayList<>();
        try {
            int at = 0;
            while (buffer.length > 0) {
                if (out.size() >= MAX_ENTRIES) {
                    throw all.fail("NextEntryOffset", "more than " + MAX_ENTRIES + " entries");
                }
                WireReader r = all.slice("Entry", at, buffer.length - at);
                long next = r.u32le("NextEntryOffset");
                if (next != 0 && (next < 12 || (next & 3) != 0 || next > r.length())) {
                    throw r.fail("NextEntryOffset", "next entry offset " + next
                            + " must be a multiple of 4, at least 12 and inside the " + r.length() + " bytes left");
                }
                WireReader e = r.slice("Entry", 4, (next == 0 ? r.length() : (int) next) - 4);
                int action = e.i32le("Action");
                long len = e.u32le("FileNameLength");
                if (len > e.remaining()) {
                    throw e.fail("FileNameLength", "name length " + len + " beyond the entry");
                }
                out.add(new FileNotifyInformation(action, e.utf16le("FileName", (int) len)));
                if (next == 0) {
                    break;
                }
                at += (int) next;
            }
            return out;
        } catch (FsccDecodeException ex) {
            throw ex;
        } catch (DecodeException ex) {
            throw new FsccDecodeException(ex.field(), ex.offset(), ex.detail());
        }
    }
}
