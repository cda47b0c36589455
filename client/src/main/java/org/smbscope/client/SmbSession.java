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

    /** Logs off (errors ignored). */
    @Override
    void close();
}
