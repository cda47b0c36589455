package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one rule set, shared by {@code doctor} and {@code analyze}. Findings come out most important
 * first: by severity, then by the order of {@link #rules()} (specific causes before the generic
 * status they produce: an NTLM level mismatch before a plain logon failure).
 */
public final class Diagnosis {
    private Diagnosis() {
    }

    /** Every rule, most specific first. */
    public static List<Rule> rules() {
        return List.of(
                new TransportRule(),
                new NetbiosNameRule(),
                new SigningMismatchRule(),
                new NoCommonDialectRule(),
                new Smb1OnlyRule(),
                new Smb1DisabledRule(),
                new EncryptionUnsupportedRule(),
                new NtlmLevelRule(),
                new SpnValidationRule(),
                new GuestCannotSignRule(),
                new LogonFailureRule(),
                StatusRule.noSuchShare(),
                StatusRule.accessDenied(),
                new KerberosSkewRule(),
                new KerberosRealmRule(),
                new KerberosPacRefusedRule(),
                new KerberosSpnUnknownRule(),
                new KerberosNoKdcRule(),
                new KerberosByIpRule(),
                new ClockSkewRule());
    }

    /** Runs every rule and orders the findings. */
    public static List<Finding> run(Observations observations) {
        List<Rule> rules = rules();
        List<Finding> out = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (Rule r : rules) {
            order.add(r.name());
            out.addAll(r.check(observations));
        }
        out.sort(Comparator.comparing(Finding::severity).thenComparing(f -> order.indexOf(f.rule())));
        return out;
    }
}
