package org.smbscope.client;

import java.io.IOException;

/** A negotiated connection to one server; dialect-family neutral (SMB1 NT LM 0.12, SMB 2/3). */
public interface SmbConnection extends AutoCloseable {
    /** What was negotiated: dialect, server's security mode, sizes, cipher, signing algorithm. */
    NegotiatedInfo negotiated();

    /** Authenticates; anonymous when {@code credentials.isAnonymous()}. */
    SmbSession session(Credentials credentials) throws IOException;

    /** When the connection began with a multi-protocol SMB1 NEGOTIATE: what was offered, chosen and why. */
    default java.util.Optional<MultiProtocolNegotiation> multiProtocol() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
