package org.smbscope.cli.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.client.probe.Probes;
import org.smbscope.trace.explain.Explanation;
import org.smbscope.trace.explain.Narrative;

/**
 * The doctor's steps 4 and 5 with the real client: an anonymous session, then the user's; IPC$,
 * the share and the share list for each. Every frame goes through the client's wire tap into the
 * {@link ExchangeLog}; the anonymous attempt is exploratory when a user is given.
 */
final class SessionWalk {
    private final ClientConfig.Builder base;
    private final String user;
    private final ExchangeLog log;
    private final StringBuilder sessionText = new StringBuilder();
    private final StringBuilder treeText = new StringBuilder();
    private final List<Map<String, Object>> json = new ArrayList<>();

    SessionWalk(ClientConfig.Builder base, String user, ExchangeLog log) {
        this.base = base;
        this.user = user;
        this.log = log;
    }

    private String failure;

    /** Why the real (not exploratory) attempt failed, if it did. */
    java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    List<Map<String, Object>> json() {
        return json;
    }

    /** Steps 4 and 5 with the real client: anonymous, then the user; IPC$, the share, the share list. */
    void run(DoctorTarget t, InetAddress address, Probes.Route route) {
        sessionText.append("4. Authentication (the real client)\n");
        treeText.append("5. Tree connect\n");
        // with a user given, the anonymous attempt only explores: its refusals are not findings
        attempt(Credentials.anonymous(), t, address, route, user != null);
        // does the server take guests? (Samba: map to guest = bad user; Windows: the Guest account)
        attempt(Credentials.of("", "guest", ""), t, address, route, true);
        if (kerberos != null) {
            sessionText.append("   ").append(kerberos.setup()).append('\n');
        }
        if (user != null || kerberos != null) {
            attempt(user == null ? Credentials.anonymous() : credentials(user), t, address, route, false);
            if (tryNtlmv1) {
                ntlmv1(credentials(user), t, address, route);
            }
        }
    }

    private boolean tryNtlmv1;
    private DoctorKerberos kerberos;

    /** The real attempt uses Kerberos with these settings (doctor -k / --use-kerberos). */
    SessionWalk kerberos(DoctorKerberos k) {
        kerberos = k;
        return this;
    }

    /** Also log on with an NTLMv1 response (LAN Manager level 2), exploratory: does this server still accept it? */
    SessionWalk tryNtlmv1(boolean on) {
        tryNtlmv1 = on;
        return this;
    }

    private void ntlmv1(Credentials creds, DoctorTarget t, InetAddress address, Probes.Route route) {
        InetSocketAddress server = route.target();
        ClientConfig cc = base.build().toBuilder().lmCompatibilityLevel(2).wireTap(log.tap(server, true)).build();
        String line;
        try (SmbConnection c = SmbClient.connect(cc, address.getHostAddress(), server.getPort(), t.host());
             SmbSession s = c.session(creds)) {
            line = "accepted: clients at LAN Manager authentication level 0-2 can log on (weak)";
        } catch (IOException | RuntimeException e) {
            line = "refused (" + status(e) + "): clients at LAN Manager authentication level 0-2 cannot log on";
        }
        sessionText.append("   ").append(creds.user()).append(" with an NTLMv1 response: ").append(line).append('\n');
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("user", creds.user());
        r.put("ntlmv1", line);
        json.add(r);
    }


    private void attempt(Credentials creds, DoctorTarget t, InetAddress address, Probes.Route route, boolean exploratory) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("user", creds.isAnonymous() ? "" : creds.user());
        InetSocketAddress server = route.target();
        ClientConfig.Builder b = base.build().toBuilder().wireTap(log.tap(server, exploratory));
        boolean krb = !exploratory && kerberos != null;
        if (krb) {
            b.kerberos(kerberos.settings());
        }
        ClientConfig cc = b.build();
        String who = krb && creds.isAnonymous() ? "Kerberos (ticket cache)" : creds.isAnonymous() ? "anonymous"
                : exploratory && creds.user().equals("guest") ? "guest" : creds.user();
        int noticesBefore = krb ? kerberos.notices().size() : 0;
        try (SmbConnection c = SmbClient.connect(cc, address.getHostAddress(), server.getPort(), t.host())) {
            r.put("dialect", c.negotiated().dialect().version());
            try (SmbSession s = c.session(creds)) {
                String kind = s.isAnonymous() ? "null session" : s.isGuest() ? "GUEST" : "user";
                sessionText.append("   ").append(who).append(": logged on as ").append(kind).append(" (SMB ")
                        .append(c.negotiated().dialect().version()).append(", signing ").append(s.signing() ? "on" : "off")
                        .append(", encryption ").append(s.encrypting() ? "on" : "off").append(")\n");
                r.put("session", kind);
                r.put("mechanism", s.mechanism());
                if (krb) {
                    sessionText.append("   ").append(who).append(": authenticated with ").append(s.mechanism())
                            .append('\n');
                }
                r.put("signing", s.signing());
                r.put("encryption", s.encrypting());
                tree(s, "IPC$", who, r);
                if (t.share() != null) {
                    tree(s, t.share(), who, r);
                }
                try {
                    List<ShareInfo> shares = s.listShares();
                    treeText.append("   Shares seen by ").append(who).append(": ")
                            .append(String.join(", ", shares.stream().map(ShareInfo::name).toList())).append('\n');
                    r.put("shares", shares.stream().map(ShareInfo::name).toList());
                } catch (IOException e) {
                    treeText.append("   Share list for ").append(who).append(": ").append(status(e)).append('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            sessionText.append("   ").append(who).append(": failed: ").append(status(e)).append('\n');
            r.put("error", status(e));
            if (!exploratory) {
                failure = who + ": " + status(e);
            }
        }
        if (krb) {
            List<String> n = kerberos.notices();
            for (String line : n.subList(noticesBefore, n.size())) {
                sessionText.append("   Kerberos: ").append(line).append('\n');
                r.put("kerberos", line);
            }
        }
        json.add(r);
    }

    private void tree(SmbSession s, String share, String who, Map<String, Object> r) {
        try (SmbTree tree = s.tree(share)) {
            treeText.append("   ").append(share).append(" as ").append(who).append(": connected\n");
            r.put("tree:" + share, "connected");
        } catch (IOException e) {
            treeText.append("   ").append(share).append(" as ").append(who).append(": ").append(status(e)).append('\n');
            r.put("tree:" + share, status(e));
        }
    }

    static String status(Exception e) {
        if (e instanceof SmbException s) {
            return s.ntStatus().sambaName() + s.ntStatus().win32().filter(w -> w.code() != 0)
                    .map(w -> " (System error " + w.code() + ": " + w.message() + ")").orElse("");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Steps 4 and 5 as text, with the server's mechanisms and fingerprint from the narrative. */
    String text(Narrative narrative) {
        StringBuilder auth = new StringBuilder();
        for (Explanation x : narrative.explanations()) {
            for (String l : x.lines()) {
                if ((l.startsWith("SPNEGO: the server offers") || l.startsWith("Server fingerprint")) && auth.indexOf(l) < 0) {
                    auth.append("   ").append(l).append('\n');
                }
            }
        }
        if (!sessionText.isEmpty()) {
            auth.append("   NTLM levels: LAN Manager authentication levels 0-2 send LM/NTLMv1, 3-5 send NTLMv2;"
                    + " run with --lm-level 2 to see whether this server still accepts NTLMv1.\n");
        }
        String trees = treeText.toString().equals("5. Tree connect\n")
                ? treeText + "   No session, so no tree connect.\n" : treeText.toString();
        return (sessionText.isEmpty() ? "" : sessionText.toString().replaceFirst("\n",
                java.util.regex.Matcher.quoteReplacement("\n" + auth))) + trees;
    }

    static Credentials credentials(String spec) {
        String domain = "";
        String u = spec;
        String password = "";
        int pct = u.indexOf('%');
        if (pct >= 0) {
            password = u.substring(pct + 1);
            u = u.substring(0, pct);
        }
        int sep = Math.max(u.indexOf('\\'), u.indexOf('/'));
        if (sep >= 0) {
            domain = u.substring(0, sep);
            u = u.substring(sep + 1);
        }
        return Credentials.of(domain, u, password);
    }

}
