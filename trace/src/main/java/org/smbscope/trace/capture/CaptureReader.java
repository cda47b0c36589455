package org.smbscope.trace.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads frames from a capture in either format Wireshark writes: classic pcap (tcpdump) or
 * pcapng, told apart by the magic number. Streaming: one frame in memory at a time, every
 * declared length checked against a limit before anything is allocated.
 */
public interface CaptureReader extends Closeable {
    /** Largest block or record accepted: larger ones are a decode error, never an allocation. */
    int MAX_RECORD = 16 * 1024 * 1024;

    /** The next frame, or {@code null} at the end of the capture. */
    CapturedPacket next() throws IOException, CaptureDecodeException;

    /**
     * The next frame, or {@code null} at the end of the capture, possibly in an array the reader
     * reuses: its bytes are valid until the next call of {@code next} or {@code nextView} (copy what
     * is kept longer). Saves an allocation and a copy per frame where the reader can.
     */
    default CapturedPacket nextView() throws IOException, CaptureDecodeException {
        return next();
    }

    /**
     * {@link #nextView()} whose bytes past the first {@code head} may not be there yet: the frame's length is
     * its whole length, but only {@code bytes[offset, offset+min(head, length))} holds the capture's bytes
     * until {@link #completeView()} (for callers that need the rest only sometimes, e.g. headers only for a
     * segment inside file data nobody reads).
     */
    default CapturedPacket nextHead(int head) throws IOException, CaptureDecodeException {
        return nextView();
    }

    /** Fills in the rest of the frame the last {@link #nextHead} returned (nothing when it is whole). */
    default void completeView() throws IOException {
    }

    /** Opens a file; a classic pcap file is read mapped into memory. */
    static CaptureReader open(Path file) throws IOException, CaptureDecodeException {
        if (Files.isRegularFile(file)) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            boolean handedOn = false;
            try {
                ByteBuffer magic = ByteBuffer.allocate(4);
                while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
                    // a file shorter than 4 bytes leaves it short: the stream path says so
                }
                byte[] m = magic.array();
                if (!magic.hasRemaining() && !(m[0] == 0x0A && m[1] == 0x0D && m[2] == 0x0D && m[3] == 0x0A)) {
                    CaptureReader r = new PcapReader(new MappedInput(channel));
                    handedOn = true;
                    return r;
                }
            } finally {
                if (!handedOn) {
                    channel.close();
                }
            }
        }
        return open(Files.newInputStream(file));
    }

    static CaptureReader open(InputStream in) throws IOException, CaptureDecodeException {
        BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
        bin.mark(4);
        byte[] magic = bin.readNBytes(4);
        bin.reset();
        if (magic.length < 4) {
            throw new CaptureDecodeException("magic", 0, "not a capture file: shorter than 4 bytes");
        }
        if (magic[0] == 0x0A && magic[1] == 0x0D && magic[2] == 0x0D && magic[3] == 0x0A) {
            return new PcapngReader(bin);
        }
        return new PcapReader(bin);
    }
}
