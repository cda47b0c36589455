package org.smbscope.cli.net;

import java.io.IOException;
import java.util.List;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.ServerEntry;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbSession;

/**
 * Fetches a browse list (RAP NetServerEnum2, [MS-RAP] 2.5.5.2): the workgroups a server knows
 * (SV_TYPE_DOMAIN_ENUM) and the servers of a workgroup. RAP needs SMB1, so an SMB 2/3 session is
 * not used: a second connection negotiates NT1, as Samba's smbclient does ("Reconnecting with SMB1
 * for workgroup listing."). When that fails the reason is said plainly.
 */
public final class BrowseLists {
    private BrowseLists() {
    }

    /** Servers and workgroups, or why there are none ({@code unavailable} non-null). */
    public record Result(List<ServerEntry> servers, List<ServerEntry> workgroups, boolean reconnected, String unavailable) {
    }

    /**
     * @param session   the current session; used when it is SMB1
     * @param workgroup the workgroup whose servers to list; null: the server's own (the only workgroup it
     *                  knows, or the one it is master of)
     */
    public static Result fetch(SmbConnection connection, SmbSession session, ClientConfig config, Credentials credentials,
            String address, int port, String host, String workgroup, String serverName) {
        if (connection.negotiated().dialect().isSmb1()) {
            try {
                return fetch(session, workgroup, serverName, false);
            } catch (IOException e) {
                return new Result(List.of(), List.of(), false, "no browse list: " + reason(e));
            }
        }
        if (config.encryption() == org.smbscope.client.Protection.REQUIRED) {
            return new Result(List.of(), List.of(), false,
                    "no browse list: encryption is required and NetServerEnum2 needs SMB1, which cannot encrypt");
        }
        // a short timeout: a server without SMB1 may just ignore the NEGOTIATE
        java.time.Duration t = config.requestTimeout().compareTo(java.time.Duration.ofSeconds(5)) < 0
                ? config.requestTimeout() : java.time.Duration.ofSeconds(5);
        ClientConfig smb1 = config.toBuilder().minDialect(SmbDialect.NT1).maxDialect(SmbDialect.NT1).requestTimeout(t).build();
        try (SmbConnection c = SmbClient.connect(smb1, address, port, host)) {
            try (SmbSession s = c.session(credentials)) {
                return fetch(s, workgroup, serverName, true);
            }
        } catch (SmbProtocolException e) {
            return new Result(List.of(), List.of(), true,
                    "SMB1 disabled on the server, no browse list (NetServerEnum2 needs SMB1): " + e.getMessage());
        } catch (java.io.EOFException | org.smbscope.client.SmbTimeoutException e) {
            return new Result(List.of(), List.of(), true,
                    "SMB1 disabled on the server, no browse list (NetServerEnum2 needs SMB1): "
                            + (e instanceof java.io.EOFException ? "it closed the connection" : e.getMessage()));
        } catch (IOException e) {
            return new Result(List.of(), List.of(), true, "no browse list over SMB1: " + reason(e));
        }
    }

    static Result fetch(SmbSession s, String workgroup, String serverName, boolean reconnected) throws IOException {
        List<ServerEntry> groups = s.serverList(ServerEntry.SV_TYPE_DOMAIN_ENUM, "");
        String wg = workgroup != null ? workgroup : ownWorkgroup(groups, serverName);
        List<ServerEntry> servers = s.serverList(ServerEntry.SV_TYPE_ALL, wg == null ? "" : wg);
        return new Result(servers, groups, reconnected, null);
    }

    /** The only workgroup, or the one whose master browser is {@code serverName}. */
    static String ownWorkgroup(List<ServerEntry> groups, String serverName) {
        if (groups.size() == 1) {
            return groups.get(0).name();
        }
        for (ServerEntry g : groups) {
            if (serverName != null && g.comment().equalsIgnoreCase(serverName)) {
                return g.name();
            }
        }
        return null;
    }

    static String reason(IOException e) {
        if (e instanceof SmbException s) {
            return s.statusName() + " (" + s.systemErrorLine() + ")";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
