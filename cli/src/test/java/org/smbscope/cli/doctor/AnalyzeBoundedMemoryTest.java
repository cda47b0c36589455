package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.smb2.EchoRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.status.NtStatus;

/**
 * {@code analyze} of a capture far larger than its heap: 1 GiB of SMB2 READ responses, generated
 * as it is read (through a named pipe, never stored), analyzed by a forked JVM with -Xmx64m that
 * exits on the first OutOfMemoryError.
 */
class AnalyzeBoundedMemoryTest {
    private static final long CAPTURE_BYTES = 1L << 30;
    private static final int READ_SIZE = 1 << 20;
    private static final int SEGMENT = 65_000;

    @TempDir
    Path dir;

    @Test
    void aGibibyteCaptureIsAnalyzedIn64MiBOfHeap() throws Exception {
        Path fifo = dir.resolve("big.pcap");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "org.smbscope.cli.Main", "analyze", fifo.toString())
                .redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        long[] reads = {-1};
        String text;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(fifo), 1 << 20)) {
                generate(out, reads);
            } catch (IOException brokenPipe) {
                // the child stopped reading (it died): its output says why
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("analyze finished").isTrue();
            text = output.get(10, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertThat(text).doesNotContain("OutOfMemoryError");
        assertThat(child.exitValue()).as(tail(text)).isIn(0, 1);
        assertThat(text).contains("Capture " + fifo + ": " + (2 * reads[0]) + " messages");
        assertThat(text).contains("READ response").contains("ECHO");
    }

    private static String tail(String s) {
        return s.length() < 2000 ? s : s.substring(s.length() - 2000);
    }

    /** Writes the capture: echo requests from the client, 1 MiB READ responses from the server. */
    private static void generate(OutputStream out, long[] reads) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(101);
        out.write(h.array());
        long[] seq = {1000, 900_000};
        segment(out, true, seq[0] - 1, 0x02, new byte[0], 0, 0);
        segment(out, false, seq[1] - 1, 0x12, new byte[0], 0, 0);
        byte[] data = new byte[READ_SIZE];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        long written = 0;
        reads[0] = 0;
        for (long mid = 1; written < CAPTURE_BYTES; mid++) {
            Smb2Header request = Smb2Header.request(Smb2Command.ECHO, mid);
            byte[] q = framed(Smb2Codec.encode(request, new EchoRequest()));
            segment(out, true, seq[0], 0x18, q, 0, q.length);
            seq[0] += q.length;
            // a READ response to an ECHO is odd but decodes alone; what matters is its size
            byte[] r = framed(Smb2Codec.encode(Smb2Header.responseTo(Smb2Header.request(Smb2Command.READ, mid),
                    NtStatus.SUCCESS, 1), ReadResponse.of(data)));
            for (int off = 0; off < r.length; off += SEGMENT) {
                int n = Math.min(SEGMENT, r.length - off);
                segment(out, false, seq[1], 0x18, r, off, n);
                seq[1] += n;
            }
            written += q.length + r.length;
            reads[0]++;
        }
    }

    private static byte[] framed(byte[] message) {
        byte[] b = new byte[message.length + 4];
        b[1] = (byte) (message.length >> 16);
        b[2] = (byte) (message.length >> 8);
        b[3] = (byte) message.length;
        System.arraycopy(message, 0, b, 4, message.length);
        return b;
    }

    private static void segment(OutputStream out, boolean fromClient, long seq, int flags, byte[] data, int off, int len)
            throws IOException {
        int total = 40 + len;
        ByteBuffer b = ByteBuffer.allocate(56);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000).putInt(0).putInt(total).putInt(total);
        b.order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x45).put((byte) 0).putShort((short) total).putShort((short) 0).putShort((short) 0x4000);
        b.put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] c = {10, 0, 0, 1};
        byte[] s = {10, 0, 0, 2};
        b.put(fromClient ? c : s).put(fromClient ? s : c);
        b.putShort((short) (fromClient ? 50000 : 445)).putShort((short) (fromClient ? 445 : 50000));
        b.putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
        out.write(b.array());
        out.write(data, off, len);
    }
}
