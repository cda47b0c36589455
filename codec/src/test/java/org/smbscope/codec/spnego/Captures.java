package org.smbscope.codec.spnego;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.smbscope.codec.wire.Hex;

/** Security blobs taken from /work/shared/captures with tshark (smb2.security_blob). */
final class Captures {
    private Captures() {
    }

    static byte[] blob(String capture, int frame) {
        String name = "captures/" + capture + "_frame" + frame + ".hex";
        try (InputStream in = Captures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + name);
            }
            return Hex.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
