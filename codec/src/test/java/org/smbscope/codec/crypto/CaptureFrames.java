package org.smbscope.codec.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMB frames of a capture, exported with
 * {@code tshark -T fields -e frame.number -e tcp.srcport -e tcp.payload -Y 'tcp.len>0 && tcp.port==445'}:
 * one line per frame "number direction hex", the hex starting with the 4-byte NBSS header.
 */
record CaptureFrames(Map<Integer, Frame> frames) {
    record Frame(int number, boolean fromServer, byte[] smb) {
    }

    static CaptureFrames load(String resource) throws IOException {
        Map<Integer, Frame> frames = new LinkedHashMap<>();
        try (InputStream in = CaptureFrames.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                byte[] tcp = HexFormat.of().parseHex(f[2]);
                int nbss = (tcp[1] & 0xFF) << 16 | (tcp[2] & 0xFF) << 8 | (tcp[3] & 0xFF);
                if (tcp[0] != 0 || nbss != tcp.length - 4) {
                    throw new IOException("frame " + f[0] + " is not exactly one NBSS message");
                }
                byte[] smb = new byte[nbss];
                System.arraycopy(tcp, 4, smb, 0, nbss);
                int n = Integer.parseInt(f[0]);
                frames.put(n, new Frame(n, f[1].equals("s2c"), smb));
            }
        }
        return new CaptureFrames(frames);
    }

    byte[] smb(int number) {
        return frames.get(number).smb();
    }
}
