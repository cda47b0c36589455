package org.smbscope.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.event.CaptureExchanges;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/**
 * The smbscope side of "decode a capture and list every SMB2 command" (the peer is
 * {@code tshark -r FILE -T fields -e smb2.cmd}): reads the capture, reassembles TCP, cuts session
 * frames and fully decodes every SMB2 message (header and body), counting commands. Prints one
 * line: {@code messages=N bytes=B seconds=S MiBps=X} and the counts per command.
 *
 * <p>{@code java -cp benchmarks.jar org.smbscope.bench.e2e.CaptureDecode FILE}
 */
public final class CaptureDecode {
    private CaptureDecode() {
    }

    public static void main(String[] args) throws IOException, CaptureDecodeException {
        Path file = Path.of(args[0]);
        long size = Files.size(file);
        long start = System.nanoTime();
        Map<String, Long> counts = new TreeMap<>();
        long messages = 0;
        long undecodable = 0;
        try (CaptureExchanges ex = new CaptureExchanges(CaptureReader.open(file), CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e = ex.next(); e != null; e = ex.next()) {
                if (e.layer() != Layer.SMB2) {
                    continue;
                }
                try {
                    for (Smb2Packet p : Smb2Codec.decodeAll(e.payload())) {
                        counts.merge(p.header().command().name(), 1L, Long::sum);
                        messages++;
                    }
                } catch (Smb2DecodeException bad) {
                    undecodable++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("messages=%d undecodable=%d bytes=%d seconds=%.3f MiBps=%.1f%n", messages, undecodable, size,
                seconds, size / seconds / (1 << 20));
        System.out.println(counts);
    }
}
