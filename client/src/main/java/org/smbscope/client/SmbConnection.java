package org.smbscope.client;

import java.io.IOException;

/** A negotiated connection to one server; dialect-family neutral (SMB2/3 now, SMB1 later). */
public interface SmbConnection extends AutoCloseable {
    /** What was negotiated: dialect, server's security mode, sizes, cipher, signing algorithm. */
    NegotiatedInfo negotiated();

    /** Authenticates; anonymous when {@code credentials.isAnonymous()}. */
    SmbSession session(Credentials credentials) throws IOException;

    @Override
    void close();
}
