package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** AndX chains ([MS-CIFS] 2.2.3.4) and named hostile inputs. */
class AndXChainTest {
    static final Smb1Header HEADER = Smb1Header.request(Smb1Command.SESSION_SETUP_ANDX, Smb1Flags.NONE,
            new Smb1Flags2(Smb1Flags2.UNICODE | Smb1Flags2.NT_STATUS | Smb1Flags2.EXTENDED_SECURITY), 0, 100, 0, 7);

    static byte[] chain() {
        var ss = SessionSetupAndXRequest.extended(4356, 50, 0, 0, new Capabilities(Capabilities.EXTENDED_SECURITY),
                new byte[] {0x60, 0x01, 0x02}, "Unix", "smbscope");
        var tc = new TreeConnectAndXRequest(0, new byte[] {0}, "\\\\SERVER\\IPC$", "IPC");
        return Smb1Packet.encode(HEADER, List.of(ss, tc));
    }

    @Test
    void sessionSetupChainedWithTreeConnect() throws Exception {
        byte[] wire = chain();
        Smb1Packet p = Smb1Packet.decode(wire);
        assertThat(p.blocks()).extracting(Smb1Block::command)
                .containsExactly(Smb1Command.SESSION_SETUP_ANDX, Smb1Command.TREE_CONNECT_ANDX);
        Smb1Block first = p.first();
        assertThat(first.words()[0] & 0xFF).isEqualTo(0x75);
        int off = (first.words()[2] & 0xFF) | (first.words()[3] & 0xFF) << 8;
        assertThat(off).isEqualTo(p.blocks().get(1).offset()).isEqualTo(32 + first.size());
        assertThat(p.blocks().get(1).words()[0] & 0xFF).isEqualTo(0xFF);
        List<Smb1Message> m = Smb1Messages.decode(wire);
        assertThat(((TreeConnectAndXRequest) m.get(1)).path()).isEqualTo("\\\\SERVER\\IPC$");
        assertThat(((SessionSetupAndXRequest) m.get(0)).nativeLanMan()).isEqualTo("smbscope");
        assertThat(p.encode()).isEqualTo(wire);
    }

    @Test
    void andXOffsetBackwards() {
        byte[] wire = chain();
        wire[32 + 3] = 10; // AndXOffset 10: inside the header
        wire[32 + 4] = 0;
        assertThatThrownBy(() -> Smb1Packet.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("does not move forward").extracting("field").isEqualTo("AndXOffset");
    }

    @Test
    void andXLoopToItself() {
        byte[] wire = chain();
        wire[32 + 3] = 32; // points at its own block
        wire[32 + 4] = 0;
        assertThatThrownBy(() -> Smb1Packet.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("does not move forward");
    }

    @Test
    void andXOffsetPastEnd() {
        byte[] wire = chain();
        wire[32 + 3] = (byte) 0xF0;
        wire[32 + 4] = 0x7F;
        assertThatThrownBy(() -> Smb1Packet.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("outside the");
    }

    @Test
    void byteCountPastEnd() {
        byte[] wire = Hex.parse("""
                ff 53 4d 42 2b 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                01 01 00     # ECHO, WordCount 1, EchoCount 1
                10 00        # ByteCount 16, but only 2 bytes follow
                aa bb
                """);
        assertThatThrownBy(() -> Smb1Packet.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("ByteCount 16 past the end").extracting("field").isEqualTo("ByteCount");
    }

    @Test
    void wordCountTooBig() {
        byte[] wire = Hex.parse("""
                ff 53 4d 42 2b 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                ff 00 00     # WordCount 255: needs 510 bytes
                """);
        assertThatThrownBy(() -> Smb1Packet.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .extracting("field").isEqualTo("WordCount");
    }

    @Test
    void notSmb1AndTruncatedHeader() {
        byte[] smb2 = Hex.parse("fe 53 4d 42 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
        assertThatThrownBy(() -> Smb1Packet.decode(smb2)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("not 0xFF 'SMB'");
        assertThatThrownBy(() -> Smb1Packet.decode(Hex.parse("ff 53 4d 42 72 00"))).isInstanceOf(Smb1DecodeException.class);
    }

    @Test
    void wrongWordCountForCommand() {
        byte[] wire = Hex.parse("""
                ff 53 4d 42 75 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                02 ff 00 00 00 00 00   # TREE_CONNECT_ANDX request with WordCount 2
                """);
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("expected 4");
    }

    @Test
    void unknownCommandKeepsNumberAndErrorResponse() throws Exception {
        assertThat(Smb1Command.of(0x99).name()).isEqualTo("UNKNOWN(0x99)");
        Smb1Header h = Smb1Header.request(Smb1Command.of(0x99), Smb1Flags.NONE, Smb1Flags2.NONE, 1, 2, 3, 4);
        byte[] wire = Smb1Packet.encode(h, new Smb1RawMessage(Smb1Command.of(0x99), false, new byte[] {1, 2}, new byte[] {3}));
        assertThat(Smb1Messages.decode(wire).get(0)).isInstanceOf(Smb1RawMessage.class);
        byte[] err = Smb1Packet.encode(HEADER.reply(0xC000006DL), new Smb1ErrorResponse(Smb1Command.SESSION_SETUP_ANDX, 0xC000006DL));
        Smb1Packet p = Smb1Packet.decode(err);
        assertThat(p.header().status()).isEqualTo(0xC000006DL);
        assertThat(Smb1Messages.decode(err).get(0)).isEqualTo(new Smb1ErrorResponse(Smb1Command.SESSION_SETUP_ANDX, 0xC000006DL));
        // DOS error form: class 2 (ERRSRV), code 2 (ERRbadpw)
        Smb1Header dos = new Smb1Header(Smb1Command.TREE_CONNECT_ANDX, 0x00020002, new Smb1Flags(0x80), Smb1Flags2.NONE,
                0, null, 0, 0, 0, 0);
        assertThat(dos.errorClass()).isEqualTo(2);
        assertThat(dos.errorCode()).isEqualTo(2);
        assertThat(dos.statusText()).isEqualTo("DOS class 2, code 2 (ERRSRV/ERRbadpw)");
        assertThat(dos.ntStatusValue()).isEqualTo(org.smbscope.codec.status.NtStatus.LOGON_FAILURE);
    }

    @Test
    void securityBlobLengthPastData() throws Exception {
        byte[] wire = chain();
        wire[32 + 1 + 14] = (byte) 0xff; // SecurityBlobLength 0x00ff > ByteCount
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .extracting("field").isEqualTo("SecurityBlob");
    }

    @Test
    void treeConnectPasswordLengthPastData() throws Exception {
        Smb1Header h = HEADER.withCommand(Smb1Command.TREE_CONNECT_ANDX);
        byte[] wire = Smb1Packet.encode(h, new TreeConnectAndXRequest(0, new byte[] {0}, "\\\\S\\A", "A:"));
        wire[32 + 1 + 6] = 0x40; // PasswordLength 64
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .extracting("field").isEqualTo("Password");
    }
}
