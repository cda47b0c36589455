package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    /** A stream that counts reads and hands out at most {@code chunk} bytes per read, like a socket. */
    static final class Chunked extends InputStream {
        final ByteArrayInputStream in;
        final int chunk;
        final List<Integer> asked = new ArrayList<>();

        Chunked(byte[] data, int chunk) {
            this.in = new ByteArrayInputStream(data);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            asked.add(len);
            return in.read(b, off, Math.min(len, chunk));
        }
    }

    private static byte[] frames(int... lengths) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(lengths).map(l -> l + 4).sum());
        byte v = 1;
        for (int l : lengths) {
            b.put((byte) 0).put((byte) (l >>> 16)).put((byte) (l >>> 8)).put((byte) l);
            for (int i = 0; i < l; i++) {
                b.put(v);
            }
            v++;
        }
        return b.array();
    }

    @Test
    void smallFramesPipelinedTakeOneRead() throws IOException {
        Chunked socket = new Chunked(frames(70, 70, 70), 1 << 20);
        ReadAhead in = new ReadAhead(socket, 1024);
        DirectTcpFraming framing = new DirectTcpFraming(1 << 20);
        for (int f = 1; f <= 3; f++) {
            byte[] body = framing.read(in);
            assertThat(body).hasSize(70).containsOnly((byte) f);
        }
        assertThat(framing.read(in)).isNull();
        assertThat(socket.asked).hasSize(2); // the three frames, then the end of the stream
    }

    @Test
    void tellsWhetherAWholeFrameIsBuffered() throws IOException {
        Chunked socket = new Chunked(frames(70, 70, 300), 1 << 20);
        ReadAhead in = new ReadAhead(socket, 200);
        DirectTcpFraming framing = new DirectTcpFraming(1 << 20);
        assertThat(in.frameBuffered()).isFalse(); // nothing read yet
        framing.read(in);
        assertThat(in.frameBuffered()).isTrue(); // the second 70-byte frame came with the first
        framing.read(in);
        assertThat(in.frameBuffered()).isFalse(); // only the header and the first bytes of the 300-byte one
        assertThat(framing.read(in)).hasSize(300);
        assertThat(in.frameBuffered()).isFalse();
    }

    @Test
    void largeBodyGoesStraightIntoTheArray() throws IOException {
        Chunked socket = new Chunked(frames(100, 5000), 1 << 20);
        ReadAhead in = new ReadAhead(socket, 256);
        DirectTcpFraming framing = new DirectTcpFraming(1 << 20);
        assertThat(framing.read(in)).hasSize(100).containsOnly((byte) 1);
        byte[] big = framing.read(in);
        assertThat(big).hasSize(5000).containsOnly((byte) 2);
        assertThat(socket.asked).contains(5000 - (256 - 104 - 4)); // the rest, asked for whole
    }

    @Test
    void directBodyTakesTheBufferedBytesFirst() throws IOException {
        byte[] data = frames(10, 3000);
        Chunked socket = new Chunked(data, 1 << 20);
        ReadAhead in = new ReadAhead(socket, 512);
        DirectTcpFraming framing = new DirectTcpFraming(1 << 20);
        assertThat(framing.read(in)).hasSize(10);
        int length = framing.readLength(in);
        assertThat(length).isEqualTo(3000);
        ByteBuffer into = ByteBuffer.allocateDirect(4096);
        DirectTcpFraming.begin(in, into, length);
        DirectTcpFraming.fill(Channels.newChannel(socket), into, length);
        ByteBuffer body = into.flip();
        assertThat(body.remaining()).isEqualTo(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(body.get(i)).isEqualTo((byte) 2);
        }
    }

    @Test
    void byteByByteAndAcrossSmallReads() throws IOException {
        Chunked socket = new Chunked(frames(40, 40), 7);
        ReadAhead in = new ReadAhead(socket, 16);
        DirectTcpFraming framing = new DirectTcpFraming(1 << 20);
        assertThat(framing.read(in)).hasSize(40).containsOnly((byte) 1);
        assertThat(framing.read(in)).hasSize(40).containsOnly((byte) 2);
        assertThat(in.read()).isEqualTo(-1);
    }
}
