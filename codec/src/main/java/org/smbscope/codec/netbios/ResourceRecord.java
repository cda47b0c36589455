package org.smbscope.codec.netbios;

import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/**
 * A name service resource record, RFC 1002 4.2.1.3: RR_NAME, RR_TYPE, RR_CLASS, TTL (seconds,
 * unsigned 32 bits), RDLENGTH and RDATA (typed, see {@link RData}).
 */
public record ResourceRecord(NetbiosName name, RrType type, int rrClass, long ttl, RData data) {
    public ResourceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (rrClass < 0 || rrClass > 0xFFFF) {
            throw new IllegalArgumentException("class must be 16 bits");
        }
        if (ttl < 0 || ttl > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("TTL must be an unsigned 32-bit value");
        }
    }

    /** An NB record with address entries. */
    public static ResourceRecord nb(NetbiosName name, long ttl, NbAddress... entries) {
        return new ResourceRecord(name, RrType.NB, RrType.CLASS_IN, ttl, NbRData.of(entries));
    }

    /** The NB entries, or an empty list when the data is not NB RDATA. */
    public java.util.List<NbAddress> addresses() {
        return data instanceof NbRData nb ? nb.entries() : java.util.List.of();
    }

    Detail detail() {
        Detail d = Detail.of(name + ": type " + type.name() + ", class " + RrType.className(rrClass))
                .field("Name", name + " (" + NameMeaning.of(name) + ")")
                .field("Type", type.name() + " (" + type.value() + ")")
                .field("Class", RrType.className(rrClass) + " (" + rrClass + ")")
                .field("Time to live", ttl + " (" + formatTtl(ttl) + ")")
                .field("Data length", NameServiceCodec.rdataLength(data));
        data.describe(d);
        return d;
    }

    static String formatTtl(long seconds) {
        if (seconds == 0) {
            return "0 seconds";
        }
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder sb = new StringBuilder();
        append(sb, d, "day");
        append(sb, h, "hour");
        append(sb, m, "minute");
        append(sb, s, "second");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n == 0) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(", ");
        }
        sb.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
    }
}
