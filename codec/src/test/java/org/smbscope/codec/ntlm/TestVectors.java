package org.smbscope.codec.ntlm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smbscope.codec.wire.Hex;

/** A test vector file: "key=hex" and "key:text" lines, "#" comments. */
record TestVectors(String name, Map<String, String> values) {
    static TestVectors load(String resource) {
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                int colon = line.indexOf(':');
                if (eq > 0 && (colon < 0 || eq < colon)) {
                    m.put(line.substring(0, eq), "hex:" + line.substring(eq + 1).strip());
                } else {
                    m.put(line.substring(0, colon), "txt:" + line.substring(colon + 1));
                }
            }
            return new TestVectors(resource.substring(resource.lastIndexOf('/') + 1), m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    byte[] hex(String key) {
        String v = values.get(key);
        if (v == null || !v.startsWith("hex:")) {
            throw new IllegalArgumentException(name + ": no hex " + key);
        }
        return Hex.parse(v.substring(4));
    }

    String text(String key) {
        String v = values.get(key);
        if (v == null || !v.startsWith("txt:")) {
            throw new IllegalArgumentException(name + ": no text " + key);
        }
        return v.substring(4);
    }

    @Override
    public String toString() {
        return name;
    }
}
