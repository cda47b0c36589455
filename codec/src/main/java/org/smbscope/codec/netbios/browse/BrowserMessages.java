package org.smbscope.codec.netbios.browse;

import java.nio.charset.StandardCharsets;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.wire.DecodeErrors;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;

/**
 * Decodes browser protocol messages ([MS-BRWS] 2.2) and the SMB TRANSACTION mailslot write that
 * carries them in a datagram's user data ([MS-CIFS] 2.2.4.33.1 with the mailslot Setup of
 * [MS-MAIL] 2.2.1: opcode 1, priority, class). Decode only. Errors are
 * {@link NetbiosDecodeException}s with protocol "BROWSER".
 */
public final class BrowserMessages {
    static final String PROTOCOL = "BROWSER";
    private static final DecodeErrors ERRORS =
            (field, offset, detail) -> new NetbiosDecodeException(PROTOCOL, field, offset, detail);

    private BrowserMessages() {
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
