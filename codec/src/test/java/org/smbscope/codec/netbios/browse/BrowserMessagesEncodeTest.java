package org.smbscope.codec.netbios.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.wire.Hex;

/** Golden encodings of every browser message we send, and round trips through the decoder. */
class BrowserMessagesEncodeTest {

    static void roundTrip(BrowserMessage m, byte[] golden) throws NetbiosDecodeException {
        assertThat(m.encode()).isEqualTo(golden);
        assertThat(BrowserMessages.decode(golden)).isEqualTo(m);
        assertThat(BrowserMessages.decodeMailslot(BrowserMessages.encodeMailslot(BrowserMessages.BROWSE_MAILSLOT, m))
                .message()).isEqualTo(m);
    }

    @Test
    void sambasElectionMailslotIsReproducedByteForByte() throws Exception {
        RequestElection e = new RequestElection(1, 0x14010f02L, 8000, "LAB10");
        assertThat(BrowserMessages.encodeMailslot("\\MAILSLOT\\BROWSE", e)).isEqualTo(BrowserMessagesTest.ELECTION_MAILSLOT);
        roundTrip(e, Hex.parse("08 01 02 0f 01 14 40 1f 00 00 00 00 00 00 4c 41 42 31 30 00"));
    }

    @Test
    void hostAnnouncement() throws Exception {
        Announcement a = Announcement.host(3, 60_000, "FILESRV", 6, 1, 0x00019a03L, "smbscope server");
        roundTrip(a, Hex.parse("""
            01                    # HostAnnouncement
            03                    # UpdateCount
            60 ea 00 00           # Periodicity 60000 ms
            46 49 4c 45 53 52 56 00 00 00 00 00 00 00 00 00   # ServerName FILESRV, NUL padded to 16
            06 01                 # OS version 6.1
            03 9a 01 00           # ServerType 0x00019a03
            0f 01                 # browser version 15.1
            55 aa                 # signature 0xaa55
            73 6d 62 73 63 6f 70 65 20 73 65 72 76 65 72 00   # "smbscope server"
            """));
        assertThat(a.detail().render()).isEqualTo("""
            Microsoft Windows Browser Protocol
              Command: Host Announcement (0x01)
              Update Count: 3
              Update Periodicity: 60000 ms
              Host Name: FILESRV
              Windows version: 6.1
              Server Type: 0x00019a03
              Browser Protocol Version: 15.1
              Signature: 0xaa55
              Host Comment: smbscope server
            """);
    }

    @Test
    void localMasterAndDomainAnnouncements() throws Exception {
        Announcement lma = Announcement.localMaster(0, 720_000, "M", 6, 1, 0x00051a03L, "");
        roundTrip(lma, Hex.parse("""
            0f 00  80 fc 0a 00    # LocalMasterAnnouncement, UpdateCount 0, 720000 ms
            4d 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # "M"
            06 01  03 1a 05 00  0f 01  55 aa  00               # 6.1, type, 15.1, signature, empty comment
            """));
        Announcement dom = Announcement.domain(1, 60_000, "SCOPEGRP", 6, 1, 0x80001000L, "FILESRV");
        roundTrip(dom, Hex.parse("""
            0c 01  60 ea 00 00
            53 43 4f 50 45 47 52 50 00 00 00 00 00 00 00 00   # "SCOPEGRP"
            06 01  00 10 00 80  0f 01  55 aa
            46 49 4c 45 53 52 56 00                           # master "FILESRV"
            """));
        assertThat(dom.detail().render()).contains("Domain/Workgroup: SCOPEGRP", "Master Browser Server Name: FILESRV");
    }

    @Test
    void smallMessages() throws Exception {
        roundTrip(new AnnouncementRequest("CLIENT"), Hex.parse("02 00 43 4c 49 45 4e 54 00"));
        roundTrip(new BecomeBackup("B1"), Hex.parse("0b 42 31 00"));
        roundTrip(new MasterAnnouncement("M"), Hex.parse("0d 4d 00"));
        roundTrip(new GetBackupListRequest(4, 0x01020304L), Hex.parse("09 04 04 03 02 01"));
        GetBackupListResponse r = new GetBackupListResponse(0x01020304L, List.of("FILESRV", "B"));
        roundTrip(r, Hex.parse("0a 02 04 03 02 01 46 49 4c 45 53 52 56 00 42 00"));
        assertThat(r.detail().render()).isEqualTo("""
            Microsoft Windows Browser Protocol
              Command: Get Backup List Response (0x0a)
              Backup Server Count: 2
              Backup Response Token: 16909060
              Backup Server: FILESRV
              Backup Server: B
            """);
        roundTrip(new UnknownBrowserMessage(14, Hex.parse("01")), Hex.parse("0e 01"));
    }

    @Test
    void tooLongFieldsAreRefusedWhenEncoding() {
        assertThatThrownBy(() -> Announcement.host(0, 0, "SIXTEENCHARSLONG", 6, 1, 0, "").encode())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server name");
        assertThatThrownBy(() -> Announcement.host(0, 0, "A", 6, 1, 0, "x".repeat(44)).encode())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> new Announcement(2, 0, 0, "A", 0, 0, 0, 15, 1, 0xaa55, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backupListResponseCountingMoreNamesThanPresentIsAnError() {
        assertThatThrownBy(() -> BrowserMessages.decode(Hex.parse("0a 03 00 00 00 00 41 00")))
                .isInstanceOf(NetbiosDecodeException.class).hasMessageContaining("3 servers announced, 1 present");
        assertThatThrownBy(() -> BrowserMessages.decode(Hex.parse("09 04 00")))
                .isInstanceOf(NetbiosDecodeException.class);
    }
}
