package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** NT_CREATE_ANDX, READ_ANDX, CLOSE, TREE_DISCONNECT from a_smb1_nt1 (frames 117, 118, 121, 122, 23-26), and round trips. */
class FileCommandsGoldenTest {
    static final HexFormat HEX = HexFormat.of();
    static final byte[] CREATE_REQ = Hex.parse("""
            ff534d42a2000000001843c800000000000000000000000002e9f33d5f5e0900   # header, TID 0xe902, UID 0x5e5f
            18 ff 00 00 00      # WordCount 24, AndX none
            00 16 00            # Reserved, NameLength 22
            00 00 00 00         # Flags
            00 00 00 00         # RootDirectoryFID
            89 00 12 00         # DesiredAccess 0x00120089 (read)
            00 00 00 00 00 00 00 00   # AllocationSize
            00 00 00 00         # ExtFileAttributes
            03 00 00 00         # ShareAccess read|write
            01 00 00 00         # CreateDisposition FILE_OPEN
            40 00 00 00         # CreateOptions FILE_NON_DIRECTORY_FILE
            02 00 00 00         # ImpersonationLevel
            00                  # SecurityFlags
            19 00               # ByteCount 25
            00                  # Pad
            5c 00 68 00 65 00 6c 00 6c 00 6f 00 2e 00 74 00 78 00 74 00 00 00   # "\\hello.txt"
            00 00               # trailing bytes Samba's client adds
            """);
    static final byte[] CREATE_RESP = HEX.parseHex("ff534d42a2000000008803c800000000000000000000000002e9f33d5f5e090022ff000000"
            + "006e66010000003e714dfa4d79dd013e714dfa4d79dd013e714dfa4d79dd013e714dfa4d79dd0180000000001000000000000"
            + "01f0000000000000000000000000000");
    static final byte[] READ_REQ = Hex.parse("""
            ff534d422e000000001843c800000000000000000000000002e9f33d5f5e0b00
            0c ff 00 00 00      # WordCount 12, AndX none
            6e 66               # FID 0x666e
            00 00 00 00         # Offset 0
            1f 00 1f 00         # MaxCount 31, MinCount 31
            00 00 00 00         # Timeout / MaxCountHigh
            00 00               # Remaining
            00 00 00 00         # OffsetHigh
            00 00               # ByteCount 0
            """);
    static final byte[] READ_RESP = Hex.parse("""
            ff534d422e000000008803c800000000000000000000000002e9f33d5f5e0b00
            0c ff 00 00 00      # WordCount 12, AndX none
            ff ff 00 00 00 00   # Available 0xffff, DataCompactionMode, Reserved1
            1f 00 3c 00 00 00   # DataLength 31, DataOffset 60, DataLengthHigh 0
            00 00 00 00 00 00 00 00   # Reserved
            20 00               # ByteCount 32
            00                  # Pad
            68656c6c6f2066726f6d207368617265206f6e203132372e302e302e31300a   # "hello from share on 127.0.0.10\\n"
            """);
    static final byte[] CLOSE_REQ = HEX.parseHex("ff534d4204000000001843c80000000000000000000000007829e53df147070003ca8bffffffff0000");
    static final byte[] CLOSE_RESP = HEX.parseHex("ff534d4204000000008803c80000000000000000000000007829e53df1470700000000");

    @Test
    void ntCreate() throws Exception {
        Smb1Packet p = Smb1Packet.decode(CREATE_REQ);
        var req = (NtCreateAndXRequest) Smb1Messages.decode(p.header(), p.first());
        assertThat(req.fileName()).isEqualTo("\\hello.txt");
        assertThat(req.desiredAccess()).isEqualTo(0x120089);
        assertThat(req.createDisposition()).isEqualTo(1);
        assertThat(req.createOptions()).isEqualTo(0x40);
        assertThat(Smb1Messages.decode(Smb1Packet.encode(p.header(), req))).containsExactly(req);

        Smb1Packet rp = Smb1Packet.decode(CREATE_RESP);
        var resp = (NtCreateAndXResponse) Smb1Messages.decode(rp.header(), rp.first());
        assertThat(resp.fid()).isEqualTo(0x666e);
        assertThat(resp.endOfFile()).isEqualTo(31);
        assertThat(resp.extFileAttributes()).isEqualTo(0x80);
        assertThat(resp.extended()).isFalse();
        assertThat(resp.detail().render()).contains("FID: 0x666e", "This is NOT a directory");
        assertThat(Smb1Packet.encode(rp.header(), resp)).isEqualTo(CREATE_RESP);
    }

    @Test
    void readAndX() throws Exception {
        Smb1Packet p = Smb1Packet.decode(READ_REQ);
        var req = (ReadAndXRequest) Smb1Messages.decode(p.header(), p.first());
        assertThat(req).isEqualTo(new ReadAndXRequest(0x666e, 0, 31, 31, 0, 0));
        assertThat(Smb1Packet.encode(p.header(), req)).isEqualTo(READ_REQ);
        assertThat(ReadAndXRequest.of(1, 1L << 33, 0x1_0000 + 5).maxCount()).isEqualTo(0x1_0005);

        Smb1Packet rp = Smb1Packet.decode(READ_RESP);
        var resp = (ReadAndXResponse) Smb1Messages.decode(rp.header(), rp.first());
        assertThat(new String(resp.data(), StandardCharsets.US_ASCII)).isEqualTo("hello from share on 127.0.0.10\n");
        assertThat(Smb1Packet.encode(rp.header(), resp)).isEqualTo(READ_RESP);
    }

    @Test
    void readDataOffsetOutsideBlock() {
        byte[] wire = READ_RESP.clone();
        wire[32 + 1 + 12] = 10; // DataOffset 10: inside the header
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("outside the data block");
        byte[] high = READ_RESP.clone();
        high[32 + 1 + 14] = 1; // DataLengthHigh 1: 65567 bytes claimed
        assertThatThrownBy(() -> Smb1Messages.decode(high)).isInstanceOf(Smb1DecodeException.class);
    }

    @Test
    void closeAndTreeDisconnect() throws Exception {
        assertThat(Smb1Messages.decode(CLOSE_REQ)).containsExactly(new CloseRequest(0x8bca, 0xffffffffL));
        assertThat(Smb1Messages.decode(CLOSE_RESP)).containsExactly(new Smb1EmptyMessage(Smb1Command.CLOSE, true));
        Smb1Packet p = Smb1Packet.decode(CLOSE_REQ);
        assertThat(Smb1Packet.encode(p.header(), new CloseRequest(0x8bca, 0xffffffffL))).isEqualTo(CLOSE_REQ);
        Smb1Header td = p.header().withCommand(Smb1Command.TREE_DISCONNECT);
        byte[] wire = Smb1Packet.encode(td, new Smb1EmptyMessage(Smb1Command.TREE_DISCONNECT, false));
        assertThat(Smb1Messages.decode(wire)).containsExactly(new Smb1EmptyMessage(Smb1Command.TREE_DISCONNECT, false));
    }

    @Test
    void roundTripsOfTheOtherCommands() throws Exception {
        Smb1Flags2 f2 = new Smb1Flags2(Smb1Flags2.UNICODE | Smb1Flags2.NT_STATUS | Smb1Flags2.LONG_NAMES);
        Smb1Header h = Smb1Header.request(Smb1Command.ECHO, Smb1Flags.NONE, f2, 1, 2, 3, 4);
        List<Smb1Message> requests = List.of(
                new WriteAndXRequest(7, 1L << 32 | 5, 0, 1, 0, "data".getBytes(StandardCharsets.US_ASCII)),
                new PathRequest(Smb1Command.RENAME, 0x16, "\\a.txt", "\\b.txt"),
                new PathRequest(Smb1Command.DELETE, 0x06, "\\c.txt", ""),
                new PathRequest(Smb1Command.CREATE_DIRECTORY, 0, "\\dir", ""),
                new PathRequest(Smb1Command.DELETE_DIRECTORY, 0, "\\dir", ""),
                new FlushRequest(7),
                new EchoMessage(false, 1, new byte[] {1, 2, 3}),
                new LogoffAndX(false),
                new NtTransactMessage(false, 6, 8, 0, 8, 0, 0, new int[] {1, 2}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[0]),
                ReadAndXRequest.of(7, 0, 0x20000));
        for (Smb1Message m : requests) {
            byte[] wire = Smb1Packet.encode(h.withCommand(m.command()), m);
            assertThat(Smb1Messages.decode(wire)).as(m.toString()).containsExactly(m);
            assertThat(m.detail().render()).isNotBlank();
        }
        Smb1Header r = h.reply(0);
        List<Smb1Message> responses = List.of(new WriteAndXResponse(0x12345, 0xffff), new EchoMessage(true, 1, new byte[] {9}),
                new LogoffAndX(true),
                new NtTransactMessage(true, 0, 2, 3, 0, 0, 0, new int[0], new byte[] {1, 2}, new byte[] {3, 4, 5}),
                new NtCreateAndXResponse(0, 5, 1, 1, 2, 3, 4, 0x10, 0, 0, 0, 0, true, new byte[16], 99, 0x1f01ff, 0x120089));
        for (Smb1Message m : responses) {
            byte[] wire = Smb1Packet.encode(r.withCommand(m.command()), m);
            assertThat(Smb1Messages.decode(wire)).as(m.toString()).containsExactly(m);
        }
    }

    @Test
    void writeDataOffsetPastEnd() throws Exception {
        Smb1Header h = Smb1Header.request(Smb1Command.WRITE_ANDX, Smb1Flags.NONE, Smb1Flags2.NONE, 1, 2, 3, 4);
        byte[] wire = Smb1Packet.encode(h, new WriteAndXRequest(7, 0, 0, 0, 0, new byte[] {1, 2, 3}));
        wire[32 + 1 + 20] = 100; // DataLength 100
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("outside the data block");
    }
}
