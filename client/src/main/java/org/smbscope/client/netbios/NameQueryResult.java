package org.smbscope.client.netbios;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NetbiosName;

/**
 * What one responder said to a name query, RFC 1002 4.2.13/4.2.14: either the name's addresses
 * ({@link Found}) or a negative response with its RCODE ({@link NotFound}). A negative answer is a
 * result, not an exception; no answer at all is a {@link NameTimeoutException}.
 */
public sealed interface NameQueryResult {
    /** Who answered (address and port the response came from). */
    InetSocketAddress responder();

    /** The name the response is about (as the responder wrote it). */
    NetbiosName name();

    /** A positive name query response. */
    record Found(InetSocketAddress responder, NetbiosName name, long ttl, List<NameAnswer> answers)
            implements NameQueryResult {
        public Found {
            Objects.requireNonNull(responder);
            Objects.requireNonNull(name);
            answers = List.copyOf(answers);
        }
    }

    /** A negative name query response: the RCODE says why (NAM_ERR: the name does not exist). */
    record NotFound(InetSocketAddress responder, NetbiosName name, NameServiceRcode rcode) implements NameQueryResult {
        public NotFound {
            Objects.requireNonNull(responder);
            Objects.requireNonNull(name);
            Objects.requireNonNull(rcode);
        }

        /** The RCODE's meaning, e.g. "Requested name does not exist". */
        public String meaning() {
            return rcode.meaning();
        }
    }
}
