package org.smbscope.client;

import java.io.IOException;
import java.util.List;

/** An authenticated session. */
public interface SmbSession extends AutoCloseable {
    boolean isGuest();

    boolean isAnonymous();

    /** The authentication used: "NTLMSSP" or "Kerberos (alice@REALM to cifs/host)". */
    default String mechanism() {
        return "NTLMSSP";
    }

    /** Why Kerberos was not used although desired (null when it was, or was off). */
    default String kerberosFallback() {
        return null;
    }

    boolean signing();

    boolean encrypting();

    /** Connects to a share by name ({@code share}, {@code IPC$}). */
    SmbTree tree(String share) throws IOException;

    /** NetShareEnumAll over {@code \PIPE\srvsvc} on IPC$. */
    List<ShareInfo> listShares() throws IOException;

    /**
     * NetServerEnum2 ([MS-RAP] 2.5.5.2) over {@code \PIPE\LANMAN}: the servers of {@code domain}
     * ({@code ServerEntry.SV_TYPE_ALL}) or the workgroups ({@code SV_TYPE_DOMAIN_ENUM}; domain may be
     * empty). RAP exists only in SMB1, so SMB 2/3 sessions throw {@link BrowseUnavailableException}.
     */
    default List<ServerEntry> serverList(long typeMask, String domain) throws IOException {
        throw new BrowseUnavailableException("no browse list over SMB2/3 (NetServerEnum2 is RAP and needs SMB1)");
    }

    /** NetServerGetInfo level 1 ([MS-RAP] 2.5.6.1): the server's name, type bits and comment; RAP needs SMB1. */
    default ServerEntry serverInfo() throws IOException {
        throw new BrowseUnavailableException("no NetServerGetInfo over SMB2/3 (RAP needs SMB1)");
    }

    /** Logs off (errors ignored). */
    @Override
    void close();
}
