package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Described;

/**
 * A browser protocol message carried in a {@code \MAILSLOT\BROWSE} (or {@code \MAILSLOT\LANMAN})
 * mailslot write, [MS-BRWS] 2.2. Encode and decode with {@link BrowserMessages}.
 */
public sealed interface BrowserMessage extends Described permits Announcement, AnnouncementRequest,
        RequestElection, BecomeBackup, MasterAnnouncement, GetBackupListRequest, GetBackupListResponse,
        UnknownBrowserMessage {

    /** The opcode byte, [MS-BRWS] 2.2. */
    int opcode();

    /** The message's bytes, opcode first ({@link BrowserMessages#encode}). */
    default byte[] encode() {
        return BrowserMessages.encode(this);
    }

    /** HostAnnouncement, ..., or "Unknown (0x42)". */
    static String opcodeName(int opcode) {
        return switch (opcode) {
            case 1 -> "Host Announcement";
            case 2 -> "Announcement Request";
            case 8 -> "Request Election";
            case 9 -> "Get Backup List Request";
            case 10 -> "Get Backup List Response";
            case 11 -> "Become Backup";
            case 12 -> "Domain/Workgroup Announcement";
            case 13 -> "Master Announcement";
            case 14 -> "Reset Browser State";
            case 15 -> "Local Master Announcement";
            default -> String.format("Unknown (0x%02x)", opcode);
        };
    }
}
