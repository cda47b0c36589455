package org.smbscope.codec.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A capture of one SMB connection with the keys its peer printed: "name=value" lines
 * (dialect, cipher, signing, sessionId, sessionKey, signingKey, applicationKey, serverInKey,
 * serverOutKey), then one line per frame "number c2s|s2c hex", the hex being the TCP payload
 * with its 4-byte NBSS header, as exported with
 * {@code tshark -T fields -e frame.number -e tcp.srcport -e tcp.payload}.
 */
record CaptureFrames(String name, Map<String, String> values, List<Frame> frames) {
    record Frame(int number, boolean fromServer, byte[] smb) {
        int command() {
            return (smb[12] & 0xFF) | (smb[13] & 0xFF) << 8;
        }

        long status() {
            return (smb[8] & 0xFFL) | (smb[9] & 0xFFL) << 8 | (smb[10] & 0xFFL) << 16 | (smb[11] & 0xFFL) << 24;
        }

        boolean isSmb2() {
            return (smb[0] & 0xFF) == 0xFE && smb[1] == 'S';
        }

        boolean isTransform() {
            return Smb3Transform.isTransform(smb, 0, smb.length);
        }
    }

    static CaptureFrames load(String resource) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<Frame> frames = new ArrayList<>();
        try (InputStream in = CaptureFrames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq > 0 && !line.contains(" ")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).trim());
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
                frames.add(new Frame(Integer.parseInt(f[0]), f[1].equals("s2c"), smb));
            }
        }
        return new CaptureFrames(resource.replace(".frames", ""), values, frames);
    }

    String value(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(name + " has no " + key);
        }
        return v;
    }

    byte[] hex(String key) {
        return HexFormat.of().parseHex(value(key));
    }

    @Override
    public String toString() {
        return name;
    }
}
