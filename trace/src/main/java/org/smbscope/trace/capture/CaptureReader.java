package org.smbscope.trace.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static CaptureReader open(Path file) throws IOException, CaptureDecodeException {
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
