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
