package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.ALL_SHARE;
import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * [MS-CIFS] 2.2.4.58 SMB_COM_SEARCH (0x81), the core protocol's directory search: words MaxCount and
 * SearchAttributes, data a 0x04-marked FileName and a 0x05-marked ResumeKey (empty to start); the answer is Count
 * and a 0x05-marked block of 43-byte entries (ResumeKey 21, attributes 1, SMB_TIME, SMB_DATE, size 4, 8.3 name 13).
 * A new search lists the whole directory once through the tree handler (FileBothDirectoryInformation) and keeps the
 * matching entries; each entry's ResumeKey carries the listing's number and the entry's index, so a continuation
 * (the last ResumeKey the client got) picks up after it. The end is STATUS_NO_MORE_FILES (ERRDOS/ERRnofiles).
 */
final class Smb1Search {
    static final Smb1Command SEARCH = Smb1Command.of(0x81);
    private static final int ENTRY = 43;
    private static final int MAX_LISTINGS = 64;
    private static final int MAX_ENTRIES = 65536;

    record Entry(String name, int attributes, long lastWrite, long size) {
    }

    private record Listing(Smb1Dispatcher.Tree tree, List<Entry> entries) {
    }

    private final Smb1Files files;
    private final Map<Integer, Listing> listings = new LinkedHashMap<>();
    private int nextId = 1;

    Smb1Search(Smb1Files files) {
        this.files = files;
    }

    void closeTree(Smb1Dispatcher.Tree t) {
        listings.values().removeIf(l -> l.tree() == t);
    }

    Smb1Dispatcher.R search(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw, int dataOffset,
            boolean unicode) {
        byte[] w = raw.words();
        byte[] data = raw.data();
        if (w.length != 4 || data.length < 1 || data[0] != 4) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, SEARCH);
        }
        int maxCount = Smb1Legacy.u16(w, 0);
        int attrs = Smb1Legacy.u16(w, 2);
        int at = 1;
        if (unicode && ((dataOffset + at) & 1) != 0) {
            at++;
        }
        int end = at;
        String name;
        if (unicode) {
            while (end + 1 < data.length && (data[end] != 0 || data[end + 1] != 0)) {
                end += 2;
            }
            if (end + 1 >= data.length) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, SEARCH);
            }
            name = new String(data, at, end - at, StandardCharsets.UTF_16LE);
            end += 2;
        } else {
            while (end < data.length && data[end] != 0) {
                end++;
            }
            if (end >= data.length) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, SEARCH);
            }
            name = new String(data, at, end - at, StandardCharsets.ISO_8859_1);
            end++;
        }
        if (end + 3 > data.length || data[end] != 5) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, SEARCH);
        }
        int keyLength = Smb1Legacy.u16(data, end + 1);
        int keyAt = end + 3;
        if (keyLength != 0 && (keyLength != 21 || keyAt + 21 > data.length)) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, SEARCH);
        }
        int room = Math.max(1, (files.dispatcher().clientMaxBuffer - 64) / ENTRY);
        int max = Math.min(maxCount, room);
        int id;
        int from;
        byte[] clientState = new byte[4];
        if (keyLength == 0) {
            if ((attrs & 0x08) != 0 && (attrs & ~0x08 & 0x16) == 0) {
                // a volume label search: the share has none
                return Smb1Dispatcher.R.err(NtStatus.NO_MORE_FILES, SEARCH);
            }
            Object listed = list(ctx, t, name, attrs);
            if (listed instanceof Smb1Dispatcher.R err) {
                return err;
            }
            @SuppressWarnings("unchecked")
            List<Entry> entries = (List<Entry>) listed;
            if (entries.isEmpty()) {
                return Smb1Dispatcher.R.err(NtStatus.NO_MORE_FILES, SEARCH);
            }
            if (listings.size() >= MAX_LISTINGS) {
                listings.remove(listings.keySet().iterator().next());
            }
            id = nextId;
            nextId = nextId >= 255 ? 1 : nextId + 1;
            listings.put(id, new Listing(t, entries));
            from = 0;
        } else {
            id = data[keyAt + 12] & 0xFF;
            from = (int) Math.min(Integer.MAX_VALUE, Smb1Legacy.u32(data, keyAt + 13) + 1);
            System.arraycopy(data, keyAt + 17, clientState, 0, 4);
        }
        Listing l = listings.get(id);
        if (l == null || l.tree() != t) {
            return Smb1Dispatcher.R.err(NtStatus.NO_MORE_FILES, SEARCH);
        }
        if (max == 0 && keyLength == 0) {
            return Smb1Dispatcher.R.ok(reply(0, new byte[0]));
        }
        WireWriter out = new WireWriter();
        int count = 0;
        java.time.ZoneId zone = files.dispatcher().svc.clock().getZone();
        for (int i = from; i < l.entries().size() && count < max; i++, count++) {
            Entry e = l.entries().get(i);
            byte[] short83 = Smb1Search.dosName(e.name());
            out.u8(0).bytes(short83).u8(id).u32le(i).bytes(clientState);
            out.u8(e.attributes() & 0x3F);
            int[] dt = dosDateTime(e.lastWrite(), zone);
            out.u16le(dt[1]).u16le(dt[0]);
            out.u32le(Math.min(e.size(), 0xFFFFFFFFL));
            byte[] n = e.name().getBytes(StandardCharsets.ISO_8859_1);
            byte[] field = new byte[13];
            System.arraycopy(n, 0, field, 0, Math.min(12, n.length));
            out.bytes(field);
        }
        if (count == 0) {
            listings.remove(id);
            return Smb1Dispatcher.R.err(NtStatus.NO_MORE_FILES, SEARCH);
        }
        return Smb1Dispatcher.R.ok(reply(count, out.toByteArray()));
    }

    private static Smb1RawMessage reply(int count, byte[] entries) {
        return new Smb1RawMessage(SEARCH, true, new WireWriter().u16le(count).toByteArray(),
                new WireWriter().u8(5).u16le(entries.length).bytes(entries).toByteArray());
    }

    /** The whole directory's matching entries (8.3 names), or an error reply. */
    private Object list(RequestContext ctx, Smb1Dispatcher.Tree t, String path, int attrs) {
        String full = path.replace('/', '\\');
        int slash = full.lastIndexOf('\\');
        String dir = slash < 0 ? "" : full.substring(0, slash);
        String pattern = slash < 0 ? full : full.substring(slash + 1);
        if (pattern.isEmpty() || pattern.equals("*.*") || pattern.equals("????????.???")) {
            pattern = "*";
        }
        Outcome.Done opened = call(t.handler(), ctx, createRequest(dir, 0x000081, 1, 0x1, 0, ALL_SHARE));
        if (opened.status().value() != 0 || !(opened.response() instanceof CreateResponse cr)) {
            return fail(opened, SEARCH);
        }
        List<Entry> entries = new ArrayList<>();
        try {
            boolean first = true;
            while (entries.size() < MAX_ENTRIES) {
                Outcome.Done done = call(t.handler(), ctx, new QueryDirectoryRequest(FileInformationClass.BOTH_DIRECTORY,
                        first ? QueryDirectoryRequest.RESTART_SCANS : 0, 0, cr.fileId(), pattern, 65536));
                first = false;
                if (done.status().equals(NtStatus.NO_MORE_FILES) || done.status().equals(NtStatus.NO_SUCH_FILE)) {
                    break;
                }
                if (done.status().value() != 0 || !(done.response() instanceof QueryDirectoryResponse qr)) {
                    return fail(done, SEARCH);
                }
                byte[] b = qr.output();
                if (b.length == 0) {
                    break;
                }
                int pos = 0;
                while (pos + 94 <= b.length) {
                    int next = (int) Smb1Legacy.u32(b, pos);
                    int attributes = (int) Smb1Legacy.u32(b, pos + 56);
                    int nameLength = (int) Smb1Legacy.u32(b, pos + 60);
                    int shortLength = b[pos + 68] & 0xFF;
                    if (pos + 94 + nameLength > b.length || shortLength > 24) {
                        break;
                    }
                    String longName = new String(b, pos + 94, nameLength, StandardCharsets.UTF_16LE);
                    String shortName = new String(b, pos + 70, shortLength, StandardCharsets.UTF_16LE);
                    String n = shortName.isEmpty() ? longName : shortName;
                    boolean hiddenOk = (attributes & 0x02) == 0 || (attrs & 0x02) != 0;
                    boolean systemOk = (attributes & 0x04) == 0 || (attrs & 0x04) != 0;
                    boolean dirOk = (attributes & 0x10) == 0 || (attrs & 0x10) != 0;
                    // the high byte names attributes every entry must have (as Windows and Samba filter)
                    boolean mustOk = (attributes & (attrs >> 8) & 0x3F) == ((attrs >> 8) & 0x3F);
                    if (hiddenOk && systemOk && dirOk && mustOk && n.length() <= 12) {
                        long lastWrite = Smb1Legacy.u32(b, pos + 24) | (Smb1Legacy.u32(b, pos + 28) << 32);
                        long size = Smb1Legacy.u32(b, pos + 40) | (Smb1Legacy.u32(b, pos + 44) << 32);
                        entries.add(new Entry(n, attributes, lastWrite, size));
                    }
                    if (next <= 0) {
                        break;
                    }
                    pos += next;
                }
            }
        } finally {
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        }
        return entries;
    }

    /** The 11-byte blank-padded NAME+EXT form of an 8.3 name ("." and ".." kept as they are). */
    static byte[] dosName(String name) {
        byte[] out = new byte[11];
        java.util.Arrays.fill(out, (byte) ' ');
        String base = name;
        String ext = "";
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !name.equals("..")) {
            base = name.substring(0, dot);
            ext = name.substring(dot + 1);
        }
        byte[] b = base.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
        byte[] e = ext.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, out, 0, Math.min(8, b.length));
        System.arraycopy(e, 0, out, 8, Math.min(3, e.length));
        return out;
    }

    /** SMB_DATE and SMB_TIME ([MS-CIFS] 2.2.1.4.1) of a FILETIME in {@code zone}; zeros outside 1980-2107. */
    static int[] dosDateTime(long fileTime, java.time.ZoneId zone) {
        if (fileTime == 0) {
            return new int[] {0, 0};
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofInstant(new FileTime(fileTime).toInstant(), zone);
        if (t.getYear() < 1980 || t.getYear() > 2107) {
            return new int[] {0, 0};
        }
        return new int[] {(t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth(),
            t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2};
    }
}
