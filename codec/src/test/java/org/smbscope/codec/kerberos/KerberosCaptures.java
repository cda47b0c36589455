package org.smbscope.codec.kerberos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.smbscope.codec.wire.Hex;

/** Kerberos messages captured from the lab's MIT KDC and Samba (shared/lab/kerberos), as hex files. */
final class KerberosCaptures {
    private KerberosCaptures() {
    }

    static byte[] load(String name) {
        String path = "captures/" + name + ".hex";
        try (InputStream in = KerberosCaptures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + path);
            }
            return Hex.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
