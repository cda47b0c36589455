package org.smbscope.codec.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** Named hostile frames: each is a decode error naming the field, never an index error. */
class Smb2CompoundNamedHostileTest {
    /** An ECHO request, [MS-SMB2] 2.2.28. */
    static final byte[] ECHO = Hex.parse("""
        fe 53 4d 42 40 00 00 00  00 00 00 00 0d 00 01 00   # ProtocolId, StructureSize 64, CreditCharge 0, Status 0, ECHO, credits 1
        00 00 00 00 00 00 00 00  05 00 00 00 00 00 00 00   # Flags 0, NextCommand 0, MessageId 5
        ff fe 00 00 00 00 00 00  00 00 00 00 00 00 00 00   # ProcessId 0xfeff, TreeId 0, SessionId 0
        00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   # Signature
        04 00 00 00                                        # StructureSize 4, Reserved
        """);

    @Test
    void echoDecodesAndEncodesBackExactly() throws Smb2DecodeException {
        List<Smb2Packet> p = Smb2Codec.decodeAll(ECHO);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).header().command()).isEqualTo(Smb2Command.ECHO);
        assertThat(p.get(0).header().messageId()).isEqualTo(5);
        assertThat(p.get(0).message()).isInstanceOf(EchoRequest.class);
        assertThat(Smb2Codec.encodeCompound(p)).isEqualTo(ECHO);
    }

    @Test
    void truncatedHeader() {
        assertThatThrownBy(() -> Smb2Codec.decodeAll(java.util.Arrays.copyOf(ECHO, 40)))
                .isInstanceOf(Smb2DecodeException.class).hasMessageContaining("64 bytes");
    }

    @Test
    void nextCommandThatDoesNotAdvanceIsRejected() {
        byte[] f = ECHO.clone();
        f[20] = 8; // NextCommand 8: inside the header
        assertThatThrownBy(() -> Smb2Codec.decodeAll(f)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("NextCommand");
    }

    @Test
    void nextCommandPastTheFrameIsRejected() {
        byte[] f = ECHO.clone();
        f[20] = (byte) 0xf8;
        f[21] = 0x7f;
        assertThatThrownBy(() -> Smb2Codec.decodeAll(f)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("NextCommand");
    }

    @Test
    void compoundOfTwoEchoesSplits() throws Smb2DecodeException {
        byte[] one = java.util.Arrays.copyOf(ECHO, 72); // padded to 8
        one[20] = 72;
        byte[] f = new byte[72 + ECHO.length];
        System.arraycopy(one, 0, f, 0, 72);
        System.arraycopy(ECHO, 0, f, 72, ECHO.length);
        List<Smb2Packet> p = Smb2Codec.decodeAll(f);
        assertThat(p).hasSize(2);
        assertThat(p.get(1).offset()).isEqualTo(72);
        // encoding pads the last message of a compound too, as Windows and Samba do
        assertThat(Smb2Codec.encodeCompound(p)).isEqualTo(java.util.Arrays.copyOf(f, 72 + 72));
    }

    @Test
    void wrongStructureSizeNamesTheField() {
        byte[] f = ECHO.clone();
        f[64] = 9;
        assertThatThrownBy(() -> Smb2Codec.decodeAll(f)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("StructureSize");
    }

    @Test
    void notSmb2() {
        byte[] f = ECHO.clone();
        f[0] = (byte) 0xff;
        assertThatThrownBy(() -> Smb2Codec.decodeAll(f)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("ProtocolId");
    }

    @Test
    void unknownCommandKeepsItsNumber() throws Smb2DecodeException {
        byte[] f = ECHO.clone();
        f[12] = 0x33;
        Smb2Packet p = Smb2Codec.decodeAll(f).get(0);
        assertThat(p.header().command().value()).isEqualTo(0x33);
        assertThat(p.message()).isInstanceOf(UnknownMessage.class);
    }
}
