package org.smbscope.server.smb2;

import java.util.List;
import java.util.Optional;
import org.smbscope.server.config.ProtocolLevel;

/**
 * [MS-SMB2] 3.3.5.4 Receiving an SMB2 NEGOTIATE Request: the server picks the greatest dialect the client
 * offers that lies within {@code server min protocol}..{@code server max protocol}; none means
 * STATUS_NOT_SUPPORTED. Unknown dialect numbers offered by the client are ignored.
 */
final class DialectSelection {
    private static final int[] KNOWN = {0x0202, 0x0210, 0x0300, 0x0302, 0x0311};

    private DialectSelection() {
    }

    static Optional<Integer> select(List<Integer> offered, ProtocolLevel min, ProtocolLevel max) {
        int lo = Math.max(min.dialect(), 0x0202);
        int hi = max.dialect();
        int best = -1;
        for (int d : offered) {
            if (d >= lo && d <= hi && isKnown(d) && d > best) {
                best = d;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private static boolean isKnown(int d) {
        for (int k : KNOWN) {
            if (k == d) {
                return true;
            }
        }
        return false;
    }
}
