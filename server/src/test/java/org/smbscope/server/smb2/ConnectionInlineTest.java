package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.Smb2Command;

/** Which frames the reader serves itself when nothing else of its connection is in work. */
class ConnectionInlineTest {
    /** A frame of SMB2 headers (64 bytes each plus {@code body} bytes) with the given commands, chained. */
    private static byte[] frame(int body, Smb2Command... commands) {
        int one = 64 + body;
        byte[] f = new byte[one * commands.length];
        for (int i = 0; i < commands.length; i++) {
            int at = i * one;
            f[at] = (byte) 0xFE;
            f[at + 1] = 'S';
            f[at + 2] = 'M';
            f[at + 3] = 'B';
            f[at + 4] = 64;
            f[at + 12] = (byte) commands[i].value();
            f[at + 13] = (byte) (commands[i].value() >> 8);
            if (i < commands.length - 1) {
                f[at + 20] = (byte) one;
                f[at + 21] = (byte) (one >> 8);
            }
        }
        return f;
    }

    @Test
    void smallPlainRequestsOtherThanReadAreServedInline() {
        assertThat(Connection.servedInline(frame(56, Smb2Command.CREATE))).isTrue();
        assertThat(Connection.servedInline(frame(4096 + 48, Smb2Command.WRITE))).isTrue();
        assertThat(Connection.servedInline(frame(24, Smb2Command.CREATE, Smb2Command.QUERY_INFO, Smb2Command.CLOSE)))
                .isTrue();
    }

    @Test
    void readsLargeFramesAndSealedFramesGetTheirOwnThread() {
        assertThat(Connection.servedInline(frame(48, Smb2Command.READ))).isFalse();
        assertThat(Connection.servedInline(frame(48, Smb2Command.CREATE, Smb2Command.READ, Smb2Command.CLOSE)))
                .isFalse();
        assertThat(Connection.servedInline(frame(Connection.INLINE_MAX, Smb2Command.WRITE))).isFalse();
        byte[] sealed = frame(48, Smb2Command.CREATE);
        sealed[0] = (byte) 0xFD;
        assertThat(Connection.servedInline(sealed)).isFalse();
    }

    @Test
    void aChainOffsetOutsideTheFrameIsNotServedInline() {
        byte[] f = frame(48, Smb2Command.CREATE);
        f[21] = 0x7F; // NextCommand far beyond the frame
        assertThat(Connection.servedInline(f)).isFalse();
        assertThat(Connection.servedInline(new byte[10])).isFalse();
    }
}
