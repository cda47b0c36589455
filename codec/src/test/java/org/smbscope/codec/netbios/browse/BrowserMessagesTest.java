package org.smbscope.codec.netbios.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.wire.Hex;

/** The user data of frame 1 of /work/shared/captures/g_nmblookup.pcapng: Samba calls an election. */
class BrowserMessagesTest {
    static final byte[] ELECTION_MAILSLOT = Hex.parse("""
        ff 53 4d 42  25       # SMB1, SMB_COM_TRANSACTION
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # rest of header
        11                    # WordCount 17
        00 00  14 00          # TotalParameterCount 0, TotalDataCount 20
        00 00  00 00  00 00   # MaxParameterCount, MaxDataCount, MaxSetupCount, Reserved1
        00 00  00 00 00 00    # Flags, Timeout
        00 00  00 00  00 00   # Reserved2, ParameterCount, ParameterOffset
        14 00  56 00          # DataCount 20, DataOffset 86
        03 00                 # SetupCount 3, Reserved3
        01 00  01 00  02 00   # mailslot write, priority 1, class 2 (unreliable)
        25 00                 # ByteCount 37
        5c 4d 41 49 4c 53 4c 4f 54 5c 42 52 4f 57 53 45 00   # \\MAILSLOT\\BROWSE
        08                    # opcode RequestElection
        01                    # version 1
        02 0f 01 14           # criteria 0x14010f02
        40 1f 00 00           # uptime 8000 ms
        00 00 00 00           # unused
        4c 41 42 31 30 00     # "LAB10"
        """);

    @Test
    void requestElection() throws Exception {
        MailslotMessage m = BrowserMessages.decodeMailslot(ELECTION_MAILSLOT);
        assertThat(m.mailslotName()).isEqualTo("\\MAILSLOT\\BROWSE");
        assertThat(m.message()).isEqualTo(new RequestElection(1, 0x14010f02L, 8000, "LAB10"));
        assertThat(((RequestElection) m.message()).osCriteria()).isEqualTo(0x14);
        assertThat(m.message().detail().render()).isEqualTo("""
            Microsoft Windows Browser Protocol
              Command: Request Election (0x08)
              Election Version: 1
              Election Criteria: 0x14010f02
              Uptime: 8000 ms
              Election Server Name: LAB10
            """);
    }

    @Test
    void hostAnnouncement() throws Exception {
        byte[] wire = Hex.parse("""
            01                    # HostAnnouncement
            05                    # UpdateCount
            60 ea 00 00           # Periodicity 60000 ms
            4c 41 42 31 30 00 00 00 00 00 00 00 00 00 00 00   # ServerName LAB10
            06 01                 # OS version 6.1
            03 9a 84 00           # ServerType 0x00849a03
            0f 01                 # browser version 15.1
            55 aa                 # signature 0xaa55
            53 61 6d 62 61 00     # comment "Samba"
            """);
        BrowserMessage m = BrowserMessages.decode(wire);
        assertThat(m).isEqualTo(new Announcement(1, 5, 60000, "LAB10", 6, 1, 0x00849a03L, 15, 1, 0xaa55, "Samba"));
        assertThat(m.detail().render()).contains("Command: Host Announcement (0x01)", "Host Name: LAB10",
                "Signature: 0xaa55", "Host Comment: Samba");
        byte[] domain = wire.clone();
        domain[0] = 12;
        assertThat(BrowserMessages.decode(domain).detail().render()).contains("Domain/Workgroup: LAB10");
    }

    @Test
    void otherMessages() throws Exception {
        assertThat(BrowserMessages.decode(Hex.parse("02 00 56 4d 00"))).isEqualTo(new AnnouncementRequest("VM"));
        assertThat(BrowserMessages.decode(Hex.parse("0b 56 4d 00"))).isEqualTo(new BecomeBackup("VM"));
        assertThat(BrowserMessages.decode(Hex.parse("0d 56 4d 00"))).isEqualTo(new MasterAnnouncement("VM"));
        assertThat(BrowserMessages.decode(Hex.parse("0e 01")))
                .isEqualTo(new UnknownBrowserMessage(14, Hex.parse("01")));
    }

    @Test
    void hostileMailslots() {
        byte[] bad = ELECTION_MAILSLOT.clone();
        bad[55] = (byte) 0xff; // DataOffset low byte (33 + 22) -> past the end
        assertThatThrownBy(() -> BrowserMessages.decodeMailslot(bad)).isInstanceOf(NetbiosDecodeException.class);
        assertThatThrownBy(() -> BrowserMessages.decodeMailslot(Hex.parse("fe 53 4d 42")))
                .isInstanceOf(NetbiosDecodeException.class).hasMessageContaining("not an SMB1 header");
        assertThatThrownBy(() -> BrowserMessages.decode(Hex.parse("08 01 02")))
                .isInstanceOf(NetbiosDecodeException.class);
    }
}
