package org.smbscope.codec.netbios;

import java.util.List;
import org.smbscope.codec.wire.Detail;

/**
 * NB RDATA: a list of (NB_FLAGS, NB_ADDRESS) entries, 6 bytes each, RFC 1002 4.2.1.3. Empty in
 * some negative responses (RDLENGTH 0).
 */
public record NbRData(List<NbAddress> entries) implements RData {
    public NbRData {
        entries = List.copyOf(entries);
    }

    public static NbRData of(NbAddress... entries) {
        return new NbRData(List.of(entries));
    }

    @Override
    public void describe(Detail into) {
        for (NbAddress e : entries) {
            into.field("Name flags", String.format("0x%04x (%s, %s)", e.flags(), e.nodeType().label(),
                    e.group() ? "group" : "unique"));
            into.field("Addr", e.address().getHostAddress());
        }
    }
}
