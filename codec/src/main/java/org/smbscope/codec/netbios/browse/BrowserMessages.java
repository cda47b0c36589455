package org.smbscope.codec.netbios.browse;

import java.nio.charset.StandardCharsets;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.wire.DecodeErrors;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Decodes browser protocol messages ([MS-BRWS] 2.2) and the SMB TRANSACTION mailslot write that
 * carries them in a datagram's user data ([MS-CIFS] 2.2.4.33.1 with the mailslot Setup of
 * [MS-MAIL] 2.2.1: opcode 1, priority, class), and encodes them. Decode errors are
 * {@link NetbiosDecodeException}s with protocol "BROWSER".
 */
public final class BrowserMessages {
    static final String PROTOCOL = "BROWSER";
    private static final DecodeErrors ERRORS =
            (field, offset, detail) -> new NetbiosDecodeException(PROTOCOL, field, offset, detail);

    private BrowserMessages() {
    }

    /** The mailslot every browser message of [MS-BRWS] travels in. */
    public static final String BROWSE_MAILSLOT = "\\MAILSLOT\\BROWSE";
    /** SMB_COM_TRANSACTION, the command of a mailslot write. */
    static final int SMB_COM_TRANSACTION = 0x25;

    /**
     * The datagram user data that writes {@code message} to {@code mailslot}: a 32-byte SMB1 header with every
     * field zero but the command, a TRANSACTION request of 17 words (no parameters, ParameterOffset 0, the
     * message as data, Setup = mailslot write (1), priority 1, class 2 "unreliable and broadcast"), and the
     * mailslot name as the transaction name. This is the layout Samba's nmbd sends.
     */
    public static byte[] encodeMailslot(String mailslot, BrowserMessage message) {
        byte[] data = encode(message);
        byte[] name = (mailslot + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int wordCount = 17;
        int dataOffset = 32 + 1 + wordCount * 2 + 2 + name.length;
        WireWriter w = new WireWriter(dataOffset + data.length);
        w.u32be(0xFF534D42L).u8(SMB_COM_TRANSACTION).zeros(27);
        w.u8(wordCount);
        w.u16le(0).u16le(data.length).u16le(0).u16le(0); // TotalParameterCount, TotalDataCount, MaxParameterCount, MaxDataCount
        w.u8(0).u8(0).u16le(0).u32le(0).u16le(0);       // MaxSetupCount, Reserved1, Flags, Timeout, Reserved2
        w.u16le(0).u16le(0).u16le(data.length).u16le(dataOffset); // ParameterCount, ParameterOffset, DataCount, DataOffset
        w.u8(3).u8(0).u16le(1).u16le(1).u16le(2);        // SetupCount, Reserved3, mailslot write, priority, class
        w.u16le(name.length + data.length);
        w.bytes(name).bytes(data);
        return w.toByteArray();
    }

    /**
     * One browser message's bytes, opcode first ([MS-BRWS] 2.2). Strings are ASCII/Latin-1 and NUL-terminated;
     * an announcement's name is padded to 16 bytes.
     *
     * @throws IllegalArgumentException when a name or comment is longer than its field allows
     */
    public static byte[] encode(BrowserMessage message) {
        WireWriter w = new WireWriter(64);
        w.u8(message.opcode());
        switch (message) {
            case Announcement a -> {
                w.u8(a.updateCount() & 0xFF).u32le(a.periodicityMs());
                byte[] n = latin1(a.serverName(), Announcement.MAX_NAME, "server name");
                w.bytes(n).zeros(16 - n.length);
                w.u8(a.osVersionMajor() & 0xFF).u8(a.osVersionMinor() & 0xFF).u32le(a.serverType());
                w.u8(a.browserVersionMajor() & 0xFF).u8(a.browserVersionMinor() & 0xFF).u16le(a.signature() & 0xFFFF);
                cString(w, a.comment(), Announcement.MAX_COMMENT, "comment");
            }
            case AnnouncementRequest r -> {
                w.u8(0);
                cString(w, r.responseName(), 15, "response name");
            }
            case RequestElection e -> {
                w.u8(e.version() & 0xFF).u32le(e.criteria()).u32le(e.uptimeMs()).u32le(0);
                cString(w, e.serverName(), 15, "server name");
            }
            case GetBackupListRequest g -> w.u8(g.requestedCount()).u32le(g.token());
            case GetBackupListResponse g -> {
                w.u8(g.backupServers().size()).u32le(g.token());
                for (String s : g.backupServers()) {
                    cString(w, s, 15, "backup server");
                }
            }
            case BecomeBackup b -> cString(w, b.browserToPromote(), 15, "browser to promote");
            case MasterAnnouncement m -> cString(w, m.masterBrowserServerName(), 15, "master browser name");
            case UnknownBrowserMessage u -> w.bytes(u.body());
        }
        return w.toByteArray();
    }

    private static byte[] latin1(String s, int max, String what) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length > max || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " '" + s + "' must be at most " + max + " characters without NUL");
        }
        return b;
    }

    private static void cString(WireWriter w, String s, int max, String what) {
        w.bytes(latin1(s, max, what)).u8(0);
    }

    /** Decodes a datagram's user data: an SMB1 TRANSACTION request writing to a mailslot. */
    public static MailslotMessage decodeMailslot(byte[] userData) throws NetbiosDecodeException {
        WireReader r = WireReader.of(userData, ERRORS);
        try {
            long protocol = r.u32be("Protocol");
            if (protocol != 0xFF534D42L) {
                throw r.failAt("Protocol", 0, String.format("not an SMB1 header (0x%08x)", protocol));
            }
            int command = r.u8("Command");
            if (command != 0x25) {
                throw r.failAt("Command", 4, String.format("not SMB_COM_TRANSACTION (0x%02x)", command));
            }
            r.skip("SMB header", 27);
            int wordCount = r.u8("WordCount");
            if (wordCount < 14) {
                throw r.failAt("WordCount", 32, "WordCount " + wordCount + " too small for a transaction");
            }
            WireReader words = r.window("Words", wordCount * 2);
            words.skip("Transaction parameters", 20);
            words.u16le("ParameterOffset");
            int dataCount = words.u16le("DataCount");
            int dataOffset = words.u16le("DataOffset");
            int byteCount = r.u16le("ByteCount");
            WireReader bytes = r.window("Bytes", byteCount);
            String name = cString(bytes, "Name");
            WireReader data = WireReader.of(userData, ERRORS).slice("Data", dataOffset, dataCount);
            return new MailslotMessage(name, decode(data));
        } catch (DecodeException e) {
            throw narrow(e);
        }
    }

    /** Decodes one browser message (opcode byte first). */
    public static BrowserMessage decode(byte[] message) throws NetbiosDecodeException {
        try {
            return decode(WireReader.of(message, ERRORS));
        } catch (DecodeException e) {
            throw narrow(e);
        }
    }

    private static NetbiosDecodeException narrow(DecodeException e) {
        return e instanceof NetbiosDecodeException n ? n
                : new NetbiosDecodeException(PROTOCOL, e.field(), e.offset(), e.detail());
    }

    private static BrowserMessage decode(WireReader r) throws DecodeException {
        int opcode = r.u8("Opcode");
        return switch (opcode) {
            case 1, 12, 15 -> new Announcement(opcode, r.u8("UpdateCount"), r.u32le("Periodicity"),
                    fixedString(r, "ServerName", 16), r.u8("OSVersionMajor"), r.u8("OSVersionMinor"),
                    r.u32le("ServerType"), r.u8("BrowserVersionMajor"), r.u8("BrowserVersionMinor"),
                    r.u16le("Signature"), cStringOrRest(r, "Comment"));
            case 2 -> {
                r.u8("Unused");
                yield new AnnouncementRequest(cStringOrRest(r, "ResponseName"));
            }
            case 8 -> {
                int version = r.u8("Version");
                long criteria = r.u32le("Criteria");
                long uptime = r.u32le("Uptime");
                r.u32le("Unused");
                yield new RequestElection(version, criteria, uptime, cStringOrRest(r, "ServerName"));
            }
            case 9 -> new GetBackupListRequest(r.u8("BackupListRequestedCount"), r.u32le("Token"));
            case 10 -> {
                int count = r.u8("BackupServerCount");
                long token = r.u32le("Token");
                java.util.List<String> servers = new java.util.ArrayList<>();
                for (int i = 0; i < count && r.remaining() > 0; i++) {
                    servers.add(cString(r, "BackupServerList"));
                }
                if (servers.size() != count) {
                    throw r.fail("BackupServerCount", count + " servers announced, " + servers.size() + " present");
                }
                yield new GetBackupListResponse(token, servers);
            }
            case 11 -> new BecomeBackup(cStringOrRest(r, "BrowserToPromote"));
            case 13 -> new MasterAnnouncement(cStringOrRest(r, "MasterBrowserServerName"));
            default -> new UnknownBrowserMessage(opcode, r.rest());
        };
    }

    private static String fixedString(WireReader r, String field, int n) throws DecodeException {
        String s = r.latin1(field, n);
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static String cString(WireReader r, String field) throws DecodeException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = r.u8(field);
            if (b == 0) {
                return sb.toString();
            }
            sb.append((char) b);
        }
    }

    /** A NUL-terminated string; a missing terminator at the end of the message is tolerated. */
    private static String cStringOrRest(WireReader r, String field) {
        byte[] rest = r.rest();
        int end = 0;
        while (end < rest.length && rest[end] != 0) {
            end++;
        }
        return new String(rest, 0, end, StandardCharsets.ISO_8859_1);
    }
}
