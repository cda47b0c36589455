package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Detail;

/**
 * HostAnnouncement (opcode 1), DomainAnnouncement (12) and LocalMasterAnnouncement (15),
 * [MS-BRWS] 2.2.1, 2.2.7 and 2.2.9: they share one layout. For a domain announcement
 * {@code serverName} is the domain/workgroup name and {@code comment} the master browser's name.
 */
public record Announcement(int opcode, int updateCount, long periodicityMs, String serverName, int osVersionMajor,
        int osVersionMinor, long serverType, int browserVersionMajor, int browserVersionMinor, int signature,
        String comment) implements BrowserMessage {
    public static final int HOST_ANNOUNCEMENT = 1;
    public static final int DOMAIN_ANNOUNCEMENT = 12;
    public static final int LOCAL_MASTER_ANNOUNCEMENT = 15;
    /** BrowserConfigVersionMajor.Minor every Windows browser sends, [MS-BRWS] 2.2.1. */
    public static final int BROWSER_VERSION_MAJOR = 15;
    public static final int BROWSER_VERSION_MINOR = 1;
    /** The Signature field's fixed value. */
    public static final int SIGNATURE = 0xAA55;
    /** ServerName holds at most 15 characters and a NUL in its 16 bytes. */
    public static final int MAX_NAME = 15;
    /** The Comment's limit, NUL excluded, [MS-BRWS] 2.2.1. */
    public static final int MAX_COMMENT = 43;

    public Announcement {
        if (opcode != HOST_ANNOUNCEMENT && opcode != DOMAIN_ANNOUNCEMENT && opcode != LOCAL_MASTER_ANNOUNCEMENT) {
            throw new IllegalArgumentException("not an announcement opcode: " + opcode);
        }
        java.util.Objects.requireNonNull(serverName, "serverName");
        java.util.Objects.requireNonNull(comment, "comment");
        periodicityMs &= 0xFFFF_FFFFL;
        serverType &= 0xFFFF_FFFFL;
    }

    /** A HostAnnouncement with the usual browser version and signature. */
    public static Announcement host(int updateCount, long periodicityMs, String serverName, int osMajor, int osMinor,
            long serverType, String comment) {
        return new Announcement(HOST_ANNOUNCEMENT, updateCount, periodicityMs, serverName, osMajor, osMinor, serverType,
                BROWSER_VERSION_MAJOR, BROWSER_VERSION_MINOR, SIGNATURE, comment);
    }

    /** A LocalMasterAnnouncement: a host announcement sent by the local master browser to WORKGROUP&lt;1E&gt;. */
    public static Announcement localMaster(int updateCount, long periodicityMs, String serverName, int osMajor,
            int osMinor, long serverType, String comment) {
        return new Announcement(LOCAL_MASTER_ANNOUNCEMENT, updateCount, periodicityMs, serverName, osMajor, osMinor,
                serverType, BROWSER_VERSION_MAJOR, BROWSER_VERSION_MINOR, SIGNATURE, comment);
    }

    /**
     * A DomainAnnouncement (to __MSBROWSE__&lt;01&gt;): the workgroup in the name field, the master browser's
     * name in the comment field; the version fields carry the master's OS version, the type carries
     * SV_TYPE_DOMAIN_ENUM and the workgroup's bits.
     */
    public static Announcement domain(int updateCount, long periodicityMs, String workgroup, int osMajor, int osMinor,
            long serverType, String masterName) {
        return new Announcement(DOMAIN_ANNOUNCEMENT, updateCount, periodicityMs, workgroup, osMajor, osMinor,
                serverType, BROWSER_VERSION_MAJOR, BROWSER_VERSION_MINOR, SIGNATURE, masterName);
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", BrowserMessage.opcodeName(opcode) + String.format(" (0x%02x)", opcode))
                .field("Update Count", updateCount)
                .field("Update Periodicity", periodicityMs + " ms")
                .field(opcode == 12 ? "Domain/Workgroup" : "Host Name", serverName)
                .field("Windows version", osVersionMajor + "." + osVersionMinor)
                .field("Server Type", String.format("0x%08x", serverType))
                .field("Browser Protocol Version", browserVersionMajor + "." + browserVersionMinor)
                .field("Signature", String.format("0x%04x", signature))
                .field(opcode == 12 ? "Master Browser Server Name" : "Host Comment", comment);
    }
}
