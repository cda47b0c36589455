package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

class DirectTcpFramingTest {
    private final DirectTcpFraming framing = new DirectTcpFraming(70000);

    @Test
    void roundTripAndKeepAliveSkipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectTcpFraming.write(out, new byte[] {1, 2, 3});
        assertThat(out.toByteArray()).isEqualTo(Hex.parse("00 000003 # type, length\n 01 02 03"));
        byte[] stream = Hex.parse("""
                85 000000      # NBSS keep-alive, skipped
                00 000003 010203
                """);
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        assertThat(framing.read(in)).containsExactly(1, 2, 3);
        assertThat(framing.read(in)).isNull();
    }

    @Test
    void largeFrameArrivingInSmallPiecesIsJoined() throws Exception {
        byte[] body = new byte[65000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectTcpFraming.write(out, body);
        // a stream that hands out at most 1,000 bytes per read, like a socket under load
        java.io.InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(out.toByteArray())) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        assertThat(framing.read(trickle)).isEqualTo(body);
        assertThat(framing.read(trickle)).isNull();
    }

    @Test
    void hostileFrames() {
        assertThatThrownBy(() -> framing.read(new ByteArrayInputStream(Hex.parse("00 ffffff"))))
                .isInstanceOf(FrameTooLargeException.class);
        assertThatThrownBy(() -> framing.read(new ByteArrayInputStream(Hex.parse("00 000010 0102"))))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> framing.read(new ByteArrayInputStream(Hex.parse("00 00"))))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> framing.read(new ByteArrayInputStream(Hex.parse("81 000000"))))
                .hasMessageContaining("0x81");
    }
}
