package org.smbscope.cli.smbclient;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTimeoutException;
import org.smbscope.client.SmbTree;
import org.smbscope.client.auth.KerberosAuthException;
import org.smbscope.client.auth.KerberosMode;
import org.smbscope.client.auth.KerberosSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smbscope smbclient}: Samba's smbclient. {@code -L //host} lists shares;
 * {@code //host/share} opens a shell (stdin, or {@code -c 'cmd; cmd'}).
 */
@Command(name = "smbclient", sortOptions = false,
        description = {"Talk to an SMB1 (-m NT1) or SMB 2/3 server like Samba's smbclient: list shares and the browse list (-L), or open a share",
                "and run commands (ls dir cd pwd get put mget mput mkdir rmdir rm del rename allinfo stat lcd",
                "recurse prompt mask exit quit) from -c or an interactive shell."})
public final class SmbclientCommand implements Callable<Integer> {
    private static final List<String> KNOWN_OPTIONS = List.of("client min protocol", "client max protocol",
            "client signing", "client smb encrypt", "client ntlmv2 auth", "client lanman auth", "client ipc signing",
            "client protection", "client use spnego", "client ipc min protocol", "client ipc max protocol",
            "client use kerberos", "client plaintext auth");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "//server/share", description = "the share to open")
    String service;

    @Option(names = {"-L", "--list"}, paramLabel = "HOST", description = "list the shares of //HOST")
    String listHost;

    @Option(names = {"-c", "--command"}, paramLabel = "CMDS", description = "run these ';'-separated commands and exit")
    String commands;

    @Option(names = {"-U", "--user"}, paramLabel = "[DOMAIN/]USER[%PASS]", description = "user to log on as")
    String user;

    @Option(names = {"-N", "--no-pass"}, description = "do not ask for a password (anonymous unless -U gives one)")
    boolean noPass;

    @Option(names = {"-A", "--authentication-file"}, paramLabel = "FILE", description = "username=/password=/domain= file")
    Path authFile;

    @Option(names = {"-W", "--workgroup"}, paramLabel = "DOMAIN", description = "domain of the user")
    String workgroup;

    @Option(names = {"-m", "--max-protocol"}, paramLabel = "PROTO", description = "NT1 (SMB1) SMB2_02 SMB2_10 SMB3_00 SMB3_02 SMB3_11 (SMB2, SMB3)")
    String maxProtocol;

    @Option(names = "--option", paramLabel = "NAME=VALUE", description = "smb.conf option: client min/max protocol, client signing, client smb encrypt, client ntlmv2 auth, client lanman auth")
    List<String> options = new ArrayList<>();

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "445 (direct TCP, default) or 139 (NetBIOS session)")
    Integer port;

    @Option(names = {"-I", "--ip-address"}, paramLabel = "ADDR", description = "connect to this address instead of resolving the name")
    String ipAddress;

    @Option(names = {"-e", "--encrypt"}, description = "require encryption (SMB 3)")
    boolean encrypt;

    @Option(names = "--client-protection", paramLabel = "off|sign|encrypt", description = "off, sign or encrypt")
    String clientProtection;

    @Option(names = "--no-extended-security", description = "SMB1: NT LM 0.12 session setup with LM/NTLM responses "
            + "to the 8-byte challenge instead of SPNEGO/NTLMSSP (as 'client use spnego = no')")
    boolean noExtendedSecurity;

    @Option(names = "--pw-nt-hash", description = "the password is an NT hash in hex")
    boolean pwNtHash;

    @Option(names = {"-k", "--kerberos"}, description = "use Kerberos (same as --use-kerberos=required)")
    boolean kerberosFlag;

    @Option(names = "--use-kerberos", paramLabel = "desired|required|off",
            description = "Kerberos: desired (fall back to NTLM, saying so), required (fail with the KDC's error), off")
    String useKerberos;

    @Option(names = "--use-krb5-ccache", paramLabel = "CCACHE", description = "Kerberos ticket cache (FILE:PATH or PATH); default KRB5CCNAME")
    String krb5Ccache;

    @Option(names = "--krb5-conf", paramLabel = "FILE", description = "krb5.conf to use (default KRB5_CONFIG, then the JDK's / /etc/krb5.conf)")
    Path krb5Conf;

    @Option(names = "--client-keytab", paramLabel = "FILE", description = "get the Kerberos TGT from this keytab (principal: -U user)")
    Path clientKeytab;

    @Option(names = "--kerberos-try-ip", description = "ask the KDC for cifs/<address> when the server is given as an IP address (like Windows' TryIPSPN)")
    boolean kerberosTryIp;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Option(names = "--trace", description = "print every SMB message, decoded, with direction and time, to stderr")
    boolean trace;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "per-request timeout (default 20)")
    int timeoutSeconds = 20;

    @Option(names = {"-s", "--configfile"}, paramLabel = "FILE", description = "accepted for compatibility; ignored")
    String configFile;

    @Option(names = {"-d", "--debuglevel"}, paramLabel = "LEVEL", description = "accepted for compatibility; ignored")
    String debugLevel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((listHost == null) == (service == null)) {
            throw new CommandFailedException(ExitCode.USAGE, "give either -L //server or //server/share");
        }
        SambaOptions opts;
        ClientConfig config;
        Credentials credentials;
        try {
            opts = new SambaOptions(options);
            for (String unknown : opts.unknown(KNOWN_OPTIONS)) {
                err.println("warning: option '" + unknown + "' is not used by this client");
            }
            config = config(opts, err);
            credentials = credentials();
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage(), e);
        }
        String target = listHost != null ? listHost : service;
        String[] parts = target.replace('\\', '/').replaceFirst("^/+", "").split("/", 2);
        String host = parts[0];
        String share = parts.length > 1 ? parts[1].replaceAll("/+$", "") : null;
        if (host.isEmpty() || (listHost == null && (share == null || share.isEmpty()))) {
            throw new CommandFailedException(ExitCode.USAGE, "bad service name '" + target + "': use //server/share");
        }
        String address = ipAddress != null ? ipAddress : host;
        int p = port != null ? port : 445;
        try (SmbConnection connection = SmbClient.connect(config, address, p, host)) {
            SmbSession session;
            try {
                session = connection.session(credentials);
            } catch (SmbException e) {
                return fail(out, err, "session setup failed: ", e);
            } catch (KerberosAuthException e) {
                return failKerberos(out, err, e);
            }
            try (session) {
                if (listHost != null) {
                    return list(out, err, connection, session, config, credentials, address, p, host);
                }
                SmbTree tree;
                try {
                    tree = session.tree(share);
                } catch (SmbException e) {
                    return fail(out, err, "tree connect failed: ", e);
                }
                try (tree) {
                    return shell(out, err, tree, "\\\\" + host + "\\" + share);
                }
            }
        } catch (SmbException e) {
            return fail(out, err, "", e);
        } catch (SmbProtocolException e) {
            throw new CommandFailedException(ExitCode.PROTOCOL, "protocol error talking to " + address + ": " + e.getMessage(), e);
        } catch (SmbTimeoutException | SocketTimeoutException e) {
            throw new CommandFailedException(ExitCode.NETWORK, "timeout talking to " + address + ": " + e.getMessage(), e);
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            throw new CommandFailedException(ExitCode.NETWORK, "cannot connect to " + address + ":" + p + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.NETWORK, "connection to " + address + " failed: " + e.getMessage(), e);
        }
    }

    private int fail(PrintWriter out, PrintWriter err, String prefix, SmbException e) {
        return org.smbscope.cli.SmbErrorReport.report(out, err, json, prefix.replaceAll(": $", ""), e);
    }

    private int failKerberos(PrintWriter out, PrintWriter err, KerberosAuthException e) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", "session setup failed");
            m.put("kerberos", e.getMessage());
            if (e.kdcError() != null) {
                m.put("kdcError", e.kdcError().name());
                m.put("kdcErrorCode", e.kdcError().value());
            }
            out.println(toJson(m));
            out.flush();
        }
        err.println("session setup failed: Kerberos is required: " + e.getMessage());
        err.flush();
        return ExitCode.FAILED.code();
    }

    KerberosSettings kerberos(SambaOptions opts, PrintWriter err) {
        String mode = useKerberos != null ? useKerberos : opts.get("client use kerberos");
        KerberosMode m = kerberosFlag && mode == null ? KerberosMode.REQUIRED
                : mode == null ? KerberosMode.OFF : KerberosMode.parse(mode);
        if (m == KerberosMode.OFF && (krb5Ccache != null || clientKeytab != null)) {
            m = KerberosMode.REQUIRED;
        }
        KerberosSettings k = KerberosSettings.of(m).withKrb5Conf(krb5Conf).withTryIpAddress(kerberosTryIp)
                .withNotices(line -> {
                    err.println(line);
                    err.flush();
                });
        if (krb5Ccache != null) {
            k = k.withCcache(Path.of(krb5Ccache.startsWith("FILE:") ? krb5Ccache.substring(5) : krb5Ccache));
        }
        if (clientKeytab != null) {
            k = k.withKeytab(clientKeytab, null);
        }
        return k;
    }

    private int list(PrintWriter out, PrintWriter err, SmbConnection connection, SmbSession session, ClientConfig config,
            Credentials credentials, String address, int port, String host) throws IOException {
        List<ShareInfo> shares = session.listShares();
        org.smbscope.cli.net.BrowseLists.Result browse = org.smbscope.cli.net.BrowseLists.fetch(connection, session, config,
                credentials, address, port, host, workgroup, host);
        if (json) {
            List<Map<String, Object>> rows = Listing.shareRows(shares);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("server", host);
            doc.put("dialect", connection.negotiated().dialect().version());
            connection.multiProtocol().ifPresent(mp -> doc.put("negotiation", Map.of("offered", mp.offered(),
                    "chosen", mp.chosen(), "reason", mp.reason())));
            doc.put("shares", rows);
            if (browse.unavailable() == null) {
                doc.put("servers", entries(browse.servers()));
                doc.put("workgroups", entries(browse.workgroups()));
            } else {
                doc.put("browseUnavailable", browse.unavailable());
            }
            out.println(toJson(doc));
        } else {
            out.print(Listing.shareTable(shares));
            if (browse.reconnected()) {
                out.println("Reconnecting with SMB1 for workgroup listing.");
            }
            if (browse.unavailable() == null) {
                out.print(Listing.browseTables(browse.servers(), browse.workgroups()));
            } else {
                out.println(browse.unavailable());
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static List<Map<String, Object>> entries(List<org.smbscope.client.ServerEntry> list) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (org.smbscope.client.ServerEntry e : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("comment", e.comment());
            m.put("type", String.format("0x%08x", e.type()));
            rows.add(m);
        }
        return rows;
    }

    private int shell(PrintWriter out, PrintWriter err, SmbTree tree, String unc) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Shell shell = new Shell(tree, unc, Path.of("").toAbsolutePath(), out, err, ZoneId.systemDefault(),
                SmbclientCommand::errorText, commands == null ? stdin : null,
                System.console() != null && !json ? TransferProgress.on(err, System::nanoTime) : TransferProgress.none(), json);
        if (commands != null) {
            shell.runLine(commands);
        } else {
            while (!shell.exitRequested()) {
                out.print(shell.prompt());
                out.flush();
                String line = stdin.readLine();
                if (line == null) {
                    out.println();
                    break;
                }
                shell.runLine(line);
            }
        }
        out.flush();
        return shell.failed() ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }

    /** An error as smbclient prints it, plus the Windows error line for NTSTATUS errors. */
    static String errorText(IOException e) {
        if (e instanceof SmbException s) {
            return s.statusName() + System.lineSeparator() + s.systemErrorLine();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String toJson(Object value) {
        return new org.smbscope.cli.JsonOutput().write(value);
    }

    ClientConfig config(SambaOptions opts, PrintWriter err) {
        ClientConfig.Builder b = ClientConfig.builder().requestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        String min = opts.get("client min protocol");
        if (min != null) {
            b.minDialect(SmbDialect.parse(min, false));
        }
        String max = maxProtocol != null ? maxProtocol : opts.get("client max protocol");
        if (max != null) {
            SmbDialect m = SmbDialect.parse(max, true);
            b.maxDialect(m);
            if (m.isSmb1() && min == null) {
                b.minDialect(SmbDialect.NT1); // -m NT1 alone means "speak SMB1"
            }
        }
        Boolean spnego = opts.bool("client use spnego");
        if (noExtendedSecurity || Boolean.FALSE.equals(spnego)) {
            b.smb1ExtendedSecurity(false);
        }
        if (Boolean.TRUE.equals(opts.bool("client plaintext auth"))) {
            b.plaintextPasswords(true);
        }
        String signing = opts.get("client signing");
        if (signing != null) {
            b.signing(Protection.parse(signing));
        }
        String smbEncrypt = opts.get("client smb encrypt");
        if (smbEncrypt != null) {
            b.encryption(Protection.parse(smbEncrypt));
        }
        String protection = clientProtection != null ? clientProtection : opts.get("client protection");
        if (protection != null) {
            switch (protection.toLowerCase(Locale.ROOT)) {
                case "off" -> b.signing(Protection.OFF).encryption(Protection.OFF);
                case "sign" -> b.signing(Protection.REQUIRED);
                case "encrypt" -> b.encryption(Protection.REQUIRED).signing(Protection.REQUIRED);
                case "default" -> { }
                default -> throw new IllegalArgumentException("--client-protection must be off, sign or encrypt: " + protection);
            }
        }
        if (encrypt) {
            b.encryption(Protection.REQUIRED);
        }
        Boolean ntlmv2 = opts.bool("client ntlmv2 auth");
        Boolean lanman = opts.bool("client lanman auth");
        if (Boolean.FALSE.equals(ntlmv2)) {
            b.lmCompatibilityLevel(Boolean.TRUE.equals(lanman) ? 0 : 1);
        }
        if (trace) {
            b.wireTap(new TraceTap(err));
        }
        b.kerberos(kerberos(opts, err));
        return b.build();
    }

    Credentials credentials() throws IOException {
        String domain = workgroup;
        String name = null;
        String password = null;
        if (authFile != null) {
            AuthFile a = AuthFile.read(authFile);
            name = a.user();
            password = a.password();
            if (a.domain() != null && domain == null) {
                domain = a.domain();
            }
        }
        if (user != null) {
            UserSpec u = UserSpec.parse(user);
            name = u.user();
            if (u.password() != null) {
                password = u.password();
            }
            if (!u.domain().isEmpty()) {
                domain = u.domain();
            }
        }
        boolean kerberosOn = kerberosFlag || krb5Ccache != null || clientKeytab != null
                || (useKerberos != null && !useKerberos.equalsIgnoreCase("off"));
        if (name == null && (noPass || kerberosOn)) {
            return Credentials.anonymous();
        }
        if (name == null) {
            name = System.getenv().getOrDefault("USER", "root");
        }
        if (password == null) {
            password = noPass || kerberosOn ? "" : askPassword(domain, name);
        }
        if (pwNtHash) {
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(password.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--pw-nt-hash: the password is not hex", e);
            }
            if (hash.length != 16) {
                throw new IllegalArgumentException("--pw-nt-hash: an NT hash is 32 hex digits");
            }
            return new Credentials(domain, name, "", hash);
        }
        return Credentials.of(domain, name, password);
    }

    private static String askPassword(String domain, String name) {
        String env = System.getenv("PASSWD");
        if (env != null) {
            return env;
        }
        Console console = System.console();
        if (console == null) {
            return "";
        }
        char[] pw = console.readPassword("Password for [%s\\%s]:", domain == null ? "" : domain, name);
        return pw == null ? "" : new String(pw);
    }
}
