package org.smbscope.client;

import java.util.List;

/**
 * What a multi-protocol SMB1 NEGOTIATE offered and what the server picked, for the explainer
 * ([MS-SMB2] 3.2.4.2.2.1 and 3.2.5.2): {@code offered} are the dialect strings in order,
 * {@code chosen} the server's choice ("NT LM 0.12", "SMB 2.002", "SMB 2.???" then the real
 * dialect), {@code reason} a sentence saying why the connection ended up where it did.
 */
public record MultiProtocolNegotiation(List<String> offered, String chosen, SmbDialect dialect, String reason) {
    public MultiProtocolNegotiation {
        offered = List.copyOf(offered);
    }
}
