package org.smbscope.cli.smbclient;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.smbscope.client.FileEntry;
import org.smbscope.client.FsSize;
import org.smbscope.client.ShareInfo;

/** smbclient's output formats: {@code ls} lines and footer, the {@code -L} share table. */
public final class Listing {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private Listing() {
    }

    /** {@code "  %-30s%7.7s %8.0f  %s"}: name, attribute letters, size, asctime. */
    static String lsLine(FileEntry e, ZoneId zone) {
        String attrs = attributes(e.attributes());
        if (attrs.length() > 7) {
            attrs = attrs.substring(0, 7);
        }
        return String.format(Locale.ROOT, "  %-30s%7s %8d  %s", e.name(), attrs, e.size(), asctime(e.lastWriteTime(), zone));
    }

    /** Samba's attrib_string: V D A S H N R letters, N alone for a plain file. */
    static String attributes(int a) {
        StringBuilder sb = new StringBuilder();
        if ((a & 0x8) != 0) {
            sb.append('V');
        }
        if ((a & FileEntry.DIRECTORY) != 0) {
            sb.append('D');
        }
        if ((a & FileEntry.ARCHIVE) != 0) {
            sb.append('A');
        }
        if ((a & FileEntry.SYSTEM) != 0) {
            sb.append('S');
        }
        if ((a & FileEntry.HIDDEN) != 0) {
            sb.append('H');
        }
        if ((a & FileEntry.NORMAL) != 0) {
            sb.append('N');
        }
        if ((a & FileEntry.READONLY) != 0) {
            sb.append('R');
        }
        return sb.toString();
    }

    static String asctime(Instant t, ZoneId zone) {
        if (t == null) {
            t = Instant.EPOCH;
        }
        return ZonedDateTime.ofInstant(t, zone).format(ASCTIME);
    }

    static String footer(FsSize s) {
        return String.format(Locale.ROOT, "%n\t\t%d blocks of size %d. %d blocks available", s.totalUnits(),
                s.blockSize(), s.callerAvailableUnits());
    }

    /** The browse-list tables of {@code -L} ("Server  Comment", "Workgroup  Master"), as Samba prints them. */
    static String browseTables(List<org.smbscope.client.ServerEntry> servers, List<org.smbscope.client.ServerEntry> workgroups) {
        StringBuilder sb = new StringBuilder();
        sb.append(System.lineSeparator());
        sb.append(String.format("\t%-20s %s%n", "Server", "Comment"));
        sb.append(String.format("\t%-20s %s%n", "---------", "-------"));
        for (org.smbscope.client.ServerEntry e : servers) {
            sb.append(String.format("\t%-20s %s%n", e.name(), e.comment()));
        }
        sb.append(System.lineSeparator());
        sb.append(String.format("\t%-20s %s%n", "Workgroup", "Master"));
        sb.append(String.format("\t%-20s %s%n", "---------", "-------"));
        for (org.smbscope.client.ServerEntry e : workgroups) {
            sb.append(String.format("\t%-20s %s%n", e.name(), e.comment()));
        }
        return sb.toString();
    }

    /** The {@code -L} table, as Samba prints it (leading blank line, tab-indented). */
    /** The shares as JSON rows: name, type, comment. */
    public static List<java.util.Map<String, Object>> shareRows(List<ShareInfo> shares) {
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ShareInfo s : shares) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", s.name());
            m.put("type", s.typeName());
            m.put("comment", s.comment());
            rows.add(m);
        }
        return rows;
    }

    static String shareTable(List<ShareInfo> shares) {
        StringBuilder sb = new StringBuilder();
        sb.append(System.lineSeparator());
        sb.append(String.format("\t%-15s %-10s%s%n", "Sharename", "Type", "Comment"));
        sb.append(String.format("\t%-15s %-10s%s%n", "---------", "----", "-------"));
        for (ShareInfo s : shares) {
            sb.append(String.format("\t%-15s %-10s%s%n", s.name(), s.typeName(), s.comment()));
        }
        return sb.toString();
    }
}
