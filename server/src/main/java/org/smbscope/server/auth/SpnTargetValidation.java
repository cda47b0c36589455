package org.smbscope.server.auth;

import java.net.InetAddress;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.AvId;
import org.smbscope.codec.ntlm.AvPair;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmV2Response;
import org.smbscope.codec.ntlm.TargetInfo;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SpnValidationLevel;

/**
 * The policy "Microsoft network server: Server SPN target name validation level" (SmbServerNameHardeningLevel,
 * smb.conf {@code server spn target name validation}): checks the service principal name the client put in
 * its authentication ([MS-NLMP] 2.2.2.1 MsvAvTargetName in the NTLMv2 response's AV pairs, or the Kerberos
 * ticket's service name) against the names this server answers to, [MS-SMB2] 3.3.5.5.3 and [MS-SMB]
 * 3.3.5.3.
 *
 * <ul>
 * <li>{@code OFF} (0): everything is accepted.
 * <li>{@code ACCEPT_IF_PROVIDED} (1): a client that sends no target name (NTLMv1/LM, an NTLMv2 response
 * without MsvAvTargetName, an empty one, or one flagged as coming from an untrusted source, MsvAvFlags 0x4)
 * is accepted; a target name that is sent must name us.
 * <li>{@code REQUIRED} (2): the target name must be present and name us.
 * </ul>
 * A target name names us when its service class is {@code cifs} and its host (port and realm removed) is our
 * NetBIOS name, one of our {@code netbios aliases}, one of the DNS names or extra names given (the Windows
 * registry value SrvAllowedServerNames), or an IP address that is explicitly allowed. An IP address is not a
 * name: a client that connects by address (target {@code cifs/192.0.2.5}) is refused at levels 1 and 2 unless
 * the allowed list holds that address, which is how the seed's "SPN validation required, client connects by
 * IP address" failure arises. A refusal is STATUS_ACCESS_DENIED, which
 * Windows clients show as "Access is denied" (System error 5).
 */
public final class SpnTargetValidation {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SpnValidationLevel level;
    private final Set<String> names;
    private final Set<InetAddress> addresses;

    /**
     * @param names     host names that are ours (NetBIOS name, aliases, DNS names), any case
     * @param addresses IP addresses explicitly allowed as target names (none by default)
     */
    public SpnTargetValidation(SpnValidationLevel level, Collection<String> names, Collection<InetAddress> addresses) {
        this.level = Objects.requireNonNull(level, "level");
        Set<String> n = new LinkedHashSet<>();
        names.forEach(s -> n.add(s.toLowerCase(Locale.ROOT)));
        this.names = Set.copyOf(n);
        this.addresses = Set.copyOf(addresses);
    }

    /**
     * The validation a server with {@code config} applies: its level, NetBIOS name and aliases, plus
     * {@code dnsNames} (FQDNs, SrvAllowedServerNames) and {@code addresses} (addresses explicitly allowed; the
     * server passes none, so a client connecting by address is refused at levels 1 and 2).
     */
    public static SpnTargetValidation of(ServerConfig config, Collection<String> dnsNames,
            Collection<InetAddress> addresses) {
        Set<String> n = new LinkedHashSet<>();
        n.add(config.netbiosName());
        n.addAll(config.netbios().aliases());
        n.addAll(dnsNames);
        return new SpnTargetValidation(config.spnValidation(), n, addresses);
    }

    public SpnValidationLevel level() {
        return level;
    }

    /** The outcome: accepted or not, the target name seen, and a sentence for logs and the explainer. */
    public record Verdict(boolean accepted, Optional<String> targetName, String reason) {
        public Verdict {
            Objects.requireNonNull(targetName, "targetName");
            Objects.requireNonNull(reason, "reason");
        }

        /** STATUS_SUCCESS when accepted, STATUS_ACCESS_DENIED when refused (what Windows answers). */
        public NtStatus status() {
            return accepted ? NtStatus.SUCCESS : NtStatus.ACCESS_DENIED;
        }
    }

    /** Checks an NTLM AUTHENTICATE message: the MsvAvTargetName of its NTLMv2 response, if it is one. */
    public Verdict check(AuthenticateMessage auth) {
        byte[] nt = auth.ntResponse();
        if (nt.length <= 24) {
            return checkTargetName(Optional.empty(), false, auth.isAnonymous() ? "anonymous authentication"
                    : "an NTLMv1/LM response, which carries no target name");
        }
        try {
            return check(NtlmV2Response.decode(nt).avPairs());
        } catch (NtlmDecodeException e) {
            return checkTargetName(Optional.empty(), false, "an NTLMv2 response whose AV pairs cannot be read");
        }
    }

    /** Checks the AV pairs the client sent in its NTLMv2 response ([MS-NLMP] 2.2.2.1). */
    public Verdict check(TargetInfo clientPairs) {
        Optional<String> target = clientPairs.text(AvId.MSV_AV_TARGET_NAME);
        boolean untrusted = clientPairs.find(AvId.MSV_AV_FLAGS).map(AvPair::asLong)
                .map(f -> (f & AvPair.FLAG_UNTRUSTED_SPN) != 0).orElse(false);
        return checkTargetName(target, untrusted, "no MsvAvTargetName");
    }

    /** Checks a Kerberos service principal name ({@code cifs/host@REALM}) from the client's ticket. */
    public Verdict checkKerberos(String servicePrincipal) {
        return checkTargetName(Optional.of(servicePrincipal), false, "no service principal");
    }

    /**
     * Checks a target name as sent ({@code cifs/HOST}, {@code cifs/host.example.com:445}, {@code cifs/10.0.0.5});
     * absent, empty or {@code untrusted} counts as not provided.
     */
    public Verdict checkTargetName(Optional<String> target, boolean untrusted, String whyAbsent) {
        if (level == SpnValidationLevel.OFF) {
            return new Verdict(true, target, "SPN target name validation is off");
        }
        Optional<String> given = target.filter(t -> !t.isBlank());
        if (given.isEmpty() || untrusted) {
            String why = given.isEmpty() ? "the client sent " + whyAbsent
                    : "the client marked its target name " + given.get() + " as untrusted (MsvAvFlags 0x4)";
            if (level == SpnValidationLevel.ACCEPT_IF_PROVIDED) {
                return new Verdict(true, target, why + "; accepted at level 1 (accept if provided)");
            }
            return new Verdict(false, target, why + "; level 2 (required from client) needs a target name that names"
                    + " this server");
        }
        String spn = given.get();
        int slash = spn.indexOf('/');
        if (slash <= 0) {
            return refused(spn, "'" + spn + "' is not service/host");
        }
        String service = spn.substring(0, slash);
        if (!service.equalsIgnoreCase("cifs")) {
            return refused(spn, "service class '" + service + "' is not cifs");
        }
        String host = hostOf(spn.substring(slash + 1));
        if (IPV4.matcher(host).matches() || host.contains(":") || host.startsWith("[")) {
            Optional<InetAddress> a = address(host);
            if (a.isPresent() && addresses.contains(a.get())) {
                return new Verdict(true, target, "target " + spn + " is an allowed address");
            }
            return refused(spn, "the client connected by IP address " + host + ", which is not a name of this"
                    + " server (allowed addresses: " + addresses.stream().map(InetAddress::getHostAddress).sorted()
                    .toList() + "); connect by name " + names.stream().sorted().toList());
        }
        if (names.contains(host.toLowerCase(Locale.ROOT))) {
            return new Verdict(true, target, "target " + spn + " names this server");
        }
        return refused(spn, "host '" + host + "' is not one of our names " + names.stream().sorted().toList());
    }

    private Verdict refused(String spn, String why) {
        return new Verdict(false, Optional.of(spn), "SPN " + spn + " refused: " + why);
    }

    /** "host:445/svc@REALM" -> "host"; "[fe80::1]:445" -> "fe80::1". */
    static String hostOf(String rest) {
        String h = rest;
        int at = h.indexOf('@');
        if (at >= 0) {
            h = h.substring(0, at);
        }
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 ? h.substring(1, close) : h.substring(1);
        }
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
            h = h.substring(0, colon);
        }
        return h;
    }

    private static Optional<InetAddress> address(String literal) {
        try {
            if (IPV4.matcher(literal).matches()) {
                String[] parts = literal.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        return Optional.empty();
                    }
                    b[i] = (byte) v;
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            return literal.contains(":") ? Optional.of(InetAddress.getByName(literal)) : Optional.empty(); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Our names as the validation sees them (lower case), for messages and tests. */
    public List<String> names() {
        return names.stream().sorted().toList();
    }

}
