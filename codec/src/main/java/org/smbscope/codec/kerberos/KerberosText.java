package org.smbscope.codec.kerberos;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.asn1.BitString;

/** How Kerberos values are shown in the detail tree. */
final class KerberosText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String[] KDC_OPTIONS = {"reserved", "forwardable", "forwarded", "proxiable", "proxy",
        "allow-postdate", "postdated", null, "renewable", null, null, "opt-hardware-auth", null, null,
        "constrained-delegation", "canonicalize", "request-anonymous", null, null, null, null, null, null, null,
        null, null, "disable-transited-check", "renewable-ok", "enc-tkt-in-skey", null, "renew", "validate"};
    private static final String[] AP_OPTIONS = {"reserved", "use-session-key", "mutual-required"};

    private KerberosText() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static String principal(PrincipalName p) {
        return p + " (" + p.type() + ")";
    }

    static List<String> kdcOptions(BitString b) {
        return names(b, KDC_OPTIONS);
    }

    static List<String> apOptions(BitString b) {
        return names(b, AP_OPTIONS);
    }

    private static List<String> names(BitString b, String[] names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.bitLength() && i < 64; i++) {
            if (b.bit(i)) {
                out.add(i < names.length && names[i] != null ? names[i] : "bit" + i);
            }
        }
        return out;
    }

    static String flags(BitString b, List<String> names) {
        return org.smbscope.codec.wire.Hex.format(b.bytes()) + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }
}
