package org.smbscope.bench.micro;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smbscope.bench.SampleMessages;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Header;

/**
 * The server's READ path from a file on tmpfs to the encoded response: {@code copying} reads into a buffer of
 * its own and encodes a {@link ReadResponse} around it (the data copied into the message), {@code inFrame}
 * reads straight into the message's array ({@link ReadResponse#inFrame}, what server.fs does); {@code copyingTwice}
 * is the path before (the encoder copied the read-only data out and then in).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReadResponseBench {
    @Param({"65536", "1048576", "8388608"})
    public int size;

    private Path file;
    private FileChannel channel;
    private Smb2Header header;

    @Setup
    public void setup() throws IOException {
        Path dir = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        file = Files.createTempFile(dir, "smbscope-readbench", ".bin");
        Files.write(file, SampleMessages.data(size));
        channel = FileChannel.open(file, StandardOpenOption.READ);
        header = SampleMessages.responseHeader(SampleMessages.requestHeader(SampleMessages.readRequest(0, size), 7, 1));
    }

    @TearDown
    public void tearDown() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public byte[] copying() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) >= 0) {
            // fill
        }
        buf.flip();
        return Smb2Codec.encode(header, new ReadResponse(0, 0, buf));
    }

    /** The path before issue 8's fix: the encoder copied read-only data out to an array, then into the message. */
    @Benchmark
    public byte[] copyingTwice() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) >= 0) {
            // fill
        }
        buf.flip();
        byte[] copy = new byte[size];
        buf.asReadOnlyBuffer().get(copy);
        return Smb2Codec.encode(header, new ReadResponse(0, 0, ByteBuffer.wrap(copy)));
    }

    @Benchmark
    public byte[] inFrame() throws IOException {
        byte[] frame = new byte[ReadResponse.DATA_OFFSET + size];
        ByteBuffer buf = ByteBuffer.wrap(frame, ReadResponse.DATA_OFFSET, size);
        while (buf.hasRemaining() && channel.read(buf, buf.position() - ReadResponse.DATA_OFFSET) >= 0) {
            // fill
        }
        return Smb2Codec.encode(header, ReadResponse.inFrame(frame, 0, 0));
    }
}
