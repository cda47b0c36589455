package org.smbscope.cli.netbios;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads "500ms", "2s", "1.5" (seconds) or "1m" as a positive {@link Duration}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            } else {
                String s = v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
                d = Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("a timeout must be positive: '" + value + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a duration (e.g. 500ms, 2s, 1.5): '" + value + "'");
        }
    }
}
