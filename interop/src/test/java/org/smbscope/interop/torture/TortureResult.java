package org.smbscope.interop.torture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subunit-style result lines smbtorture prints ({@code success: NAME}, {@code failure: NAME [},
 * {@code error: NAME [}, {@code skip: NAME [}, {@code xfail: ...}), grouped by outcome. Names are as printed
 * (subtest names without the suite prefix, or the suite's own name for its summary line).
 */
record TortureResult(List<String> passed, List<String> failed, List<String> skipped) {
    private static final Pattern LINE = Pattern.compile("^(success|failure|error|skip|xfail|uxsuccess): (.+?)( \\[)?$",
            Pattern.MULTILINE);

    static TortureResult parse(String stdout) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Matcher m = LINE.matcher(stdout);
        while (m.find()) {
            String name = m.group(2).trim();
            switch (m.group(1)) {
                case "success", "xfail" -> passed.add(name);
                case "skip" -> skipped.add(name);
                default -> failed.add(name);
            }
        }
        return new TortureResult(List.copyOf(passed), List.copyOf(failed), List.copyOf(skipped));
    }
}
