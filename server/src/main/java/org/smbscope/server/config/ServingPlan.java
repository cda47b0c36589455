package org.smbscope.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.share.ShareRoot;

/**
 * What a configuration would serve, checked against the file system: listen addresses and ports,
 * shares (with a problem for each missing path), the users file and how many users it holds, and every warning.
 * Printed by {@code smbscope serve} at start.
 */
public record ServingPlan(ServerConfig config, List<String> listeners, List<String> shares, String users,
        List<String> problems) {
    public ServingPlan {
        listeners = List.copyOf(listeners);
        shares = List.copyOf(shares);
        problems = List.copyOf(problems);
    }

    public static ServingPlan of(ServerConfig c) {
        List<String> listeners = new ArrayList<>();
        for (String iface : c.interfaces()) {
            String addr = iface.contains("/") ? iface.substring(0, iface.indexOf('/')) : iface;
            for (int port : c.smbPorts()) {
                listeners.add(addr + ":" + port + (port == 139 ? " (NetBIOS session service)" : " (direct TCP)"));
            }
        }
        List<String> problems = new ArrayList<>(c.warnings());
        List<String> shares = new ArrayList<>();
        shares.add("IPC$ (IPC Service)");
        for (ShareConfig s : c.shares()) {
            shares.add(String.format("%-12s %s%s%s%s", s.name(), s.path(), s.readOnly() ? " read only" : " writable",
                    s.guestOk() ? ", guest ok" : "", s.validUsers().isEmpty() ? "" : ", valid users " + s.validUsers()));
            try {
                ShareRoot.of(s.path());
            } catch (IOException e) {
                problems.add(s.name() + ": path " + s.path() + " is not a directory");
            }
        }
        String users;
        Path p = c.passdbPath();
        if (p == null) {
            users = "none (no passdb backend = smbpasswd:PATH)";
        } else {
            try {
                SmbPasswdFile f = SmbPasswdFile.read(p);
                users = p + " (" + f.entries().size() + " users" + (Files.exists(p) ? "" : ", file does not exist yet") + ")";
                problems.addAll(f.warnings());
            } catch (IOException e) {
                users = p + " (unreadable: " + e.getMessage() + ")";
                problems.add("users file " + p + " unreadable");
            }
        }
        return new ServingPlan(c, listeners, shares, users, problems);
    }

    /** The text {@code smbscope serve} prints. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Server ").append(config.netbiosName()).append(" in workgroup ").append(config.workgroup())
                .append(", protocols ").append(config.minProtocol()).append("..").append(config.maxProtocol())
                .append(", signing ").append(config.signing().name().toLowerCase()).append(", encryption ")
                .append(config.encrypt().name().toLowerCase()).append(", map to guest ")
                .append(config.mapToGuest().name().toLowerCase().replace('_', ' ')).append('\n');
        sb.append("Listening on:\n");
        listeners.forEach(l -> sb.append("  ").append(l).append('\n'));
        sb.append("Shares:\n");
        shares.forEach(s -> sb.append("  ").append(s).append('\n'));
        sb.append("Users: ").append(users).append('\n');
        if (!problems.isEmpty()) {
            sb.append("Warnings:\n");
            problems.forEach(w -> sb.append("  ").append(w).append('\n'));
        }
        return sb.toString();
    }
}
