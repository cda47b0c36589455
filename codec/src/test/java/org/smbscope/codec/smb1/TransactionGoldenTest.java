package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** SMB_COM_TRANSACTION on \PIPE\LANMAN (a_smb1_nt1 frames 45/46) and on \MAILSLOT\BROWSE (frame 1, UDP 138). */
class TransactionGoldenTest {
    static final byte[] RAP_REQUEST = Hex.parse("""
            ff 53 4d 42 25 00 00 00 00 18 43 c8 00 00 00 00 00 00 00 00 00 00 00 00 74 5c e5 3d 21 d0 04 00
            0e                  # WordCount 14
            20 00 00 00         # TotalParameterCount 32, TotalDataCount 0
            08 00 ff ff         # MaxParameterCount 8, MaxDataCount 65535
            00 00 00 00         # MaxSetupCount, Reserved1, Flags
            00 00 00 00 00 00   # Timeout, Reserved2
            20 00 5c 00         # ParameterCount 32, ParameterOffset 92
            00 00 7c 00         # DataCount 0, DataOffset 124
            00 00               # SetupCount 0, Reserved3
            3d 00               # ByteCount 61
            00                  # pad (Unicode alignment)
            5c 00 50 00 49 00 50 00 45 00 5c 00 4c 00 41 00 4e 00 4d 00 41 00 4e 00 00 00  # "\\PIPE\\LANMAN"
            00 00               # pad to 4
            68 00               # RAP opcode 104 NetServerEnum2
            57 72 4c 65 68 44 7a 00        # "WrLehDz"
            42 31 36 42 42 44 7a 00        # "B16BBDz"
            01 00 ff ff ff ff ff ff        # level 1, buffer 65535, server type 0xffffffff
            4c 41 42 31 30 00              # domain "LAB10"
            """);

    static final byte[] RAP_RESPONSE = Hex.parse("""
            ff 53 4d 42 25 00 00 00 00 88 03 c8 00 00 00 00 00 00 00 00 00 00 00 00 74 5c e5 3d 21 d0 04 00
            0a                  # WordCount 10
            08 00 00 00 00 00   # TotalParameterCount 8, TotalDataCount 0, Reserved
            08 00 38 00 00 00   # ParameterCount 8, ParameterOffset 56, ParameterDisplacement 0
            00 00 40 00 00 00   # DataCount 0, DataOffset 64, DataDisplacement 0
            00 00               # SetupCount 0
            09 00               # ByteCount 9
            00                  # pad
            00 00 00 00 00 00 00 00   # RAP: status 0, converter 0, entries 0, available 0
            """);

    /** The SMB part of a NetBIOS datagram to LAB10<1e> (browser election request). */
    static final byte[] MAILSLOT = HexFormat.of().parseHex("ff534d4225000000000000000000000000000000000000000000000000000000"
            + "110000140000000000000000000000000000000000000014005600030001000100020025005c4d41494c534c4f545c42524f57"
            + "5345000801020f0114401f0000000000004c4142313000");

    @Test
    void rapOverLanmanPipe() throws Exception {
        Smb1Packet p = Smb1Packet.decode(RAP_REQUEST);
        var t = (TransactionRequest) Smb1Messages.decode(p.header(), p.first());
        assertThat(t.name()).isEqualTo("\\PIPE\\LANMAN");
        assertThat(t.parameters()).hasSize(32);
        assertThat(t.parameters()[0]).isEqualTo((byte) 104);
        assertThat(t.maxDataCount()).isEqualTo(0xffff);
        assertThat(Smb1Packet.encode(p.header(), t)).isEqualTo(RAP_REQUEST);

        Smb1Packet rp = Smb1Packet.decode(RAP_RESPONSE);
        var r = (TransactionResponse) Smb1Messages.decode(rp.header(), rp.first());
        assertThat(r.parameters()).hasSize(8);
        assertThat(r.data()).isEmpty();
        assertThat(Smb1Packet.encode(rp.header(), r)).isEqualTo(RAP_RESPONSE);
    }

    @Test
    void mailslotBrowse() throws Exception {
        Smb1Packet p = Smb1Packet.decode(MAILSLOT);
        var t = (TransactionRequest) Smb1Messages.decode(p.header(), p.first());
        assertThat(t.name()).isEqualTo("\\MAILSLOT\\BROWSE");
        assertThat(t.setup()).containsExactly(1, 1, 2); // write, priority 1, class 2 (unreliable)
        assertThat(t.data()).hasSize(20);
        assertThat(t.data()[0]).isEqualTo((byte) 0x08); // browser opcode: election request
        assertThat(t.detail().render()).contains("Transaction Name: \\MAILSLOT\\BROWSE", "Setup Count: 3");
    }

    @Test
    void parameterOffsetOutsideMessage() {
        byte[] wire = RAP_REQUEST.clone();
        wire[32 + 1 + 20] = (byte) 0xf0; // ParameterOffset 0x00f0
        wire[32 + 1 + 21] = 0;
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("outside the data block");
        byte[] intoWords = RAP_REQUEST.clone();
        intoWords[32 + 1 + 20] = 40; // points into the parameter words
        assertThatThrownBy(() -> Smb1Messages.decode(intoWords)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("outside the data block");
    }

    @Test
    void trans2RoundTrip() throws Exception {
        Smb1Header h = Smb1Header.request(Smb1Command.TRANSACTION2, Smb1Flags.NONE,
                new Smb1Flags2(Smb1Flags2.UNICODE | Smb1Flags2.NT_STATUS), 1, 2, 3, 4);
        var t = TransactionRequest.of(Smb1Command.TRANSACTION2, "", 10, 4096, new int[] {0x0001},
                new byte[] {0x16, 0, 0, 2, 6, 0, 4, 1, 0, 0, 0, 0, '*', 0, 0, 0}, new byte[0]);
        byte[] wire = Smb1Packet.encode(h, t);
        assertThat(Smb1Messages.decode(wire)).containsExactly(t);
        assertThat(t.subcommand()).isEqualTo(1);
    }
}
