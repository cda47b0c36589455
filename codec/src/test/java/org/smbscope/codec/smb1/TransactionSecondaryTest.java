package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** SMB_COM_TRANSACTION2_SECONDARY ([MS-CIFS] 2.2.4.47.1) and TRANSACTION_SECONDARY (2.2.4.34.1). */
class TransactionSecondaryTest {
    static final byte[] TRANS2_SECONDARY = Hex.parse("""
            ff534d42 33 00000000 18 41c8 0000 0000000000000000 0000 0700 3412 6400 0900   # header, TRANS2_SECONDARY
            09                  # WordCount 9
            0800 1000           # TotalParameterCount 8, TotalDataCount 16
            0400 3800 0400      # ParameterCount 4, ParameterOffset 56, ParameterDisplacement 4
            0600 3c00 0a00      # DataCount 6, DataOffset 60, DataDisplacement 10
            0140                # FID 0x4001
            0d00                # ByteCount 13
            000000              # pad to 4 (data block starts at 53)
            01020304            # parameters
            aabbccddeeff        # data
            """);

    @Test
    void decodesTheGoldenBytes() throws Exception {
        TransactionSecondaryRequest t = (TransactionSecondaryRequest) Smb1Messages.decode(TRANS2_SECONDARY).get(0);
        assertThat(t).isEqualTo(new TransactionSecondaryRequest(Smb1Command.TRANSACTION2_SECONDARY, 8, 16, 4, 10, 0x4001,
                new byte[] {1, 2, 3, 4}, new byte[] {(byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff}));
        assertThat(t.detail().render()).contains("Trans2 Secondary Request", "Parameter Displacement: 4",
                "Data Displacement: 10", "FID: 0x4001");
        Smb1Header h = Smb1Packet.decode(TRANS2_SECONDARY).header();
        assertThat(Smb1Packet.encode(h, t)).isEqualTo(TRANS2_SECONDARY);
    }

    @Test
    void transSecondaryRoundTrips() throws Exception {
        Smb1Header h = Smb1Header.request(Smb1Command.TRANSACTION_SECONDARY, new Smb1Flags(0x18), new Smb1Flags2(0xC841), 1, 2, 3, 4);
        TransactionSecondaryRequest t = new TransactionSecondaryRequest(Smb1Command.TRANSACTION_SECONDARY, 0, 100, 0, 60,
                0, new byte[0], new byte[40]);
        assertThat(Smb1Messages.decode(Smb1Packet.encode(h, t))).containsExactly(t);
    }

    @Test
    void displacementPastTheTotalIsADecodeError() {
        byte[] bad = TRANS2_SECONDARY.clone();
        bad[32 + 1 + 14] = 12; // DataDisplacement 12 + 6 > 16
        assertThatThrownBy(() -> Smb1Messages.decode(bad)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("past TotalDataCount");
    }

    @Test
    void offsetOutsideTheDataBlockIsADecodeError() {
        byte[] bad = TRANS2_SECONDARY.clone();
        bad[32 + 1 + 12] = 0x50; // DataOffset 80, past the end
        assertThatThrownBy(() -> Smb1Messages.decode(bad)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("outside the data block");
    }

    @Test
    void wrongWordCountIsADecodeError() {
        byte[] bad = TRANS2_SECONDARY.clone();
        bad[4] = 0x26; // TRANSACTION_SECONDARY wants 8 words
        assertThatThrownBy(() -> Smb1Messages.decode(bad)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("expected 8");
    }
}
