package org.smbscope.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Samba's smb.conf syntax (smb.conf(5) "FILE FORMAT"): {@code [section]} headers, {@code key = value}
 * lines, keys case-insensitive with spaces and underscores ignored, {@code ;} and {@code #} comment lines,
 * a trailing {@code \} continues a line, booleans yes/no/true/false/1/0, {@code include = FILE}.
 * Unknown or invalid options become warnings in {@link ServerConfig#warnings()}.
 */
public final class SmbConfParser {
    private static final int MAX_INCLUDE_DEPTH = 8;

    /** Raw sections in file order; keys already folded. */
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<Path> included = new HashSet<>();

    private SmbConfParser() {
    }

    /** Parses the file at {@code file}. */
    public static ServerConfig parse(Path file) throws IOException {
        SmbConfParser p = new SmbConfParser();
        p.read(file, 0);
        return p.build();
    }

    /** Parses smb.conf text; relative includes resolve against {@code baseDir}. */
    public static ServerConfig parse(String text, Path baseDir) throws IOException {
        SmbConfParser p = new SmbConfParser();
        p.readText(text, "smb.conf", baseDir, 0);
        return p.build();
    }

    private void read(Path file, int depth) throws IOException {
        Path real = file.toAbsolutePath().normalize();
        if (!included.add(real)) {
            warnings.add("include loop on " + file + " ignored");
            return;
        }
        readText(Files.readString(file), file.toString(), file.toAbsolutePath().getParent(), depth);
    }

    private void readText(String text, String name, Path baseDir, int depth) throws IOException {
        String section = "global";
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            StringBuilder sb = new StringBuilder(lines[i]);
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\\' && i + 1 < lines.length) {
                sb.setLength(sb.length() - 1);
                sb.append(lines[++i]);
            }
            String line = sb.toString().strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end < 0) {
                    warnings.add(name + ":" + lineNo + ": section header without ']': " + line);
                    continue;
                }
                section = line.substring(1, end).strip();
                String key = section.toLowerCase(Locale.ROOT);
                section = key.equals("global") ? "global" : section;
                sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                warnings.add(name + ":" + lineNo + ": not 'key = value': " + line);
                continue;
            }
            String key = fold(line.substring(0, eq));
            String value = line.substring(eq + 1).strip();
            if (key.equals("include")) {
                if (depth >= MAX_INCLUDE_DEPTH) {
                    warnings.add(name + ":" + lineNo + ": includes nested too deeply");
                    continue;
                }
                Path inc = baseDir == null ? Path.of(value) : baseDir.resolve(value);
                if (Files.isRegularFile(inc)) {
                    read(inc, depth + 1);
                } else {
                    warnings.add(name + ":" + lineNo + ": include file " + value + " not found, skipped");
                }
                continue;
            }
            sections.get(section).put(key, value);
        }
    }

    /** "Server Min_Protocol" -> "serverminprotocol". */
    static String fold(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c != ' ' && c != '_' && c != '\t') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private ServerConfig build() {
        Map<String, String> g = new LinkedHashMap<>(sections.get("global"));
        Options o = new Options(g, "global", warnings);
        String netbios = o.string("netbiosname", "SMBSCOPE").toUpperCase(Locale.ROOT);
        String workgroup = o.string("workgroup", "WORKGROUP").toUpperCase(Locale.ROOT);
        List<String> interfaces = o.list("interfaces", List.of("127.0.0.1"));
        boolean bindOnly = o.bool("bindinterfacesonly", true);
        List<Integer> ports = new ArrayList<>();
        for (String p : o.list("smbports", List.of("445"))) {
            try {
                int n = Integer.parseInt(p);
                if (n <= 0 || n > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(n);
            } catch (NumberFormatException e) {
                warnings.add("global: smb ports: invalid port '" + p + "' ignored");
            }
        }
        if (ports.isEmpty()) {
            ports.add(445);
        }
        ProtocolLevel min = o.protocol("serverminprotocol", ProtocolLevel.SMB2_02);
        ProtocolLevel max = o.protocol("servermaxprotocol", ProtocolLevel.SMB3_11);
        if (min.compareTo(max) > 0) {
            warnings.add("global: server min protocol " + min + " above server max protocol " + max + "; using " + max + " for both");
            min = max;
        }
        SigningPolicy signing = o.choice("serversigning", SigningPolicy.AUTO, Map.of(
                "disabled", SigningPolicy.DISABLED, "no", SigningPolicy.DISABLED, "off", SigningPolicy.DISABLED,
                "auto", SigningPolicy.AUTO, "default", SigningPolicy.AUTO, "if_required", SigningPolicy.AUTO,
                "mandatory", SigningPolicy.MANDATORY, "required", SigningPolicy.MANDATORY, "yes", SigningPolicy.MANDATORY));
        EncryptPolicy encrypt = o.encrypt("serversmbencrypt", o.encrypt("smbencrypt", EncryptPolicy.IF_REQUIRED));
        NtlmAuthPolicy ntlm = o.choice("ntlmauth", NtlmAuthPolicy.NTLMV2_ONLY, Map.of(
                "ntlmv1-permitted", NtlmAuthPolicy.NTLMV1_PERMITTED, "yes", NtlmAuthPolicy.NTLMV1_PERMITTED,
                "true", NtlmAuthPolicy.NTLMV1_PERMITTED, "ntlmv2-only", NtlmAuthPolicy.NTLMV2_ONLY,
                "no", NtlmAuthPolicy.NTLMV2_ONLY, "false", NtlmAuthPolicy.NTLMV2_ONLY,
                "mschapv2-and-ntlmv2-only", NtlmAuthPolicy.NTLMV2_ONLY, "disabled", NtlmAuthPolicy.DISABLED));
        boolean lanman = o.bool("lanmanauth", false);
        MapToGuest mapToGuest = o.choice("maptoguest", MapToGuest.NEVER, Map.of(
                "never", MapToGuest.NEVER, "bad user", MapToGuest.BAD_USER, "bad password", MapToGuest.BAD_PASSWORD,
                "bad uid", MapToGuest.BAD_USER));
        String guestAccount = o.string("guestaccount", "nobody");
        int maxConnections = o.integer("maxconnections", 0);
        IoSizes ioSizes = IoSizes.read(o, warnings);
        Path passdb = null;
        String backend = o.string("passdbbackend", null);
        if (backend != null) {
            if (backend.toLowerCase(Locale.ROOT).startsWith("smbpasswd:")) {
                passdb = Path.of(backend.substring("smbpasswd:".length()).strip());
            } else {
                warnings.add("global: passdb backend '" + backend + "' not supported (only smbpasswd:PATH); no users");
            }
        }
        KerberosServerConfig kerberos = KerberosServerConfig.read(o, warnings);
        NetbiosSettings netbiosSettings = netbios(o);
        SpnValidationLevel spn = o.choice("serverspntargetnamevalidation", SpnValidationLevel.OFF, Map.of(
                "off", SpnValidationLevel.OFF, "0", SpnValidationLevel.OFF, "no", SpnValidationLevel.OFF,
                "accept if provided", SpnValidationLevel.ACCEPT_IF_PROVIDED, "1", SpnValidationLevel.ACCEPT_IF_PROVIDED,
                "auto", SpnValidationLevel.ACCEPT_IF_PROVIDED, "required", SpnValidationLevel.REQUIRED,
                "2", SpnValidationLevel.REQUIRED, "yes", SpnValidationLevel.REQUIRED));
        o.warnUnknown();

        List<ShareConfig> shares = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
            if (e.getKey().equals("global")) {
                continue;
            }
            shares.add(share(e.getKey(), e.getValue()).orElse(null));
        }
        shares.removeIf(s -> s == null);
        return new ServerConfig(netbios, workgroup, interfaces, bindOnly, ports, min, max, signing, encrypt, ntlm,
                lanman, mapToGuest, guestAccount, maxConnections, passdb, shares, warnings, kerberos, netbiosSettings, spn,
                ioSizes);
    }

    private NetbiosSettings netbios(Options o) {
        NetbiosSettings d = NetbiosSettings.DEFAULT;
        boolean disable = o.bool("disablenetbios", d.disableNetbios());
        List<String> aliases = new ArrayList<>();
        for (String a : o.list("netbiosaliases", List.of())) {
            String up = a.toUpperCase(Locale.ROOT);
            if (up.length() > 15) {
                warnings.add("global: netbios aliases: '" + a + "' is longer than 15 characters, ignored");
            } else {
                aliases.add(up);
            }
        }
        String serverString = o.string("serverstring", d.serverString());
        boolean localMaster = o.bool("localmaster", d.localMaster());
        boolean preferred = o.bool("preferredmaster", d.preferredMaster());
        boolean domainMaster = o.choice("domainmaster", d.domainMaster(), Map.of("yes", true, "true", true, "1", true,
                "no", false, "false", false, "0", false, "auto", false));
        int osLevel = o.integer("oslevel", d.osLevel());
        if (osLevel > 255) {
            warnings.add("global: os level " + osLevel + " above 255, using 255");
            osLevel = 255;
        }
        List<String> remote = o.list("remoteannounce", List.of());
        return new NetbiosSettings(disable, aliases, serverString, localMaster, preferred, domainMaster, osLevel, remote);
    }

    private Optional<ShareConfig> share(String name, Map<String, String> raw) {
        Options o = new Options(new LinkedHashMap<>(raw), name, warnings);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("homes") || lower.equals("printers") || lower.equals("print$")) {
            warnings.add(name + ": special section not supported, skipped");
            return Optional.empty();
        }
        if (lower.equals("ipc$")) {
            warnings.add(name + ": IPC$ is built in, section skipped");
            return Optional.empty();
        }
        String path = o.string("path", null);
        String comment = o.string("comment", "");
        boolean readOnly = true;
        if (o.has("readonly")) {
            readOnly = o.bool("readonly", true);
        }
        for (String w : List.of("writable", "writeable", "write ok".replace(" ", ""))) {
            if (o.has(w)) {
                readOnly = !o.bool(w, false);
            }
        }
        boolean guestOk = o.has("public") ? o.bool("public", false) : false;
        if (o.has("guestok")) {
            guestOk = o.bool("guestok", false);
        }
        List<String> validUsers = o.list("validusers", List.of());
        boolean browseable = o.has("browsable") ? o.bool("browsable", true) : o.bool("browseable", true);
        EncryptPolicy encrypt = o.encrypt("serversmbencrypt", o.encrypt("smbencrypt", EncryptPolicy.IF_REQUIRED));
        o.warnUnknown();
        if (path == null) {
            warnings.add(name + ": no path, share skipped");
            return Optional.empty();
        }
        if (name.length() > 80 || name.chars().anyMatch(c -> c < 0x20 || "\\/:*?\"<>|".indexOf(c) >= 0)) {
            warnings.add(name + ": invalid share name, share skipped");
            return Optional.empty();
        }
        return Optional.of(new ShareConfig(name, Path.of(path), comment, readOnly, guestOk, validUsers, browseable, encrypt));
    }
}
