package org.smbscope.server.tree;

import java.io.IOException;

/**
 * The data of an SMB2 WRITE request ([MS-SMB2] 2.2.21, 3.3.5.13) that is still arriving from the network while
 * the handler runs: the connection has read and checked the request's header and fixed part, and goes on reading
 * the data into the request's buffer, so that the handler can write the first parts to the file while the rest is
 * on its way. Given only for requests whose integrity nothing checks (neither signed nor sealed).
 */
public interface Arrival {
    /**
     * Blocks until at least {@code bytes} bytes of the data (from its start; at most its length) have arrived.
     *
     * @return how many bytes of the data have arrived (at least {@code bytes} or the data's length)
     * @throws IOException when the connection ended before
     */
    int await(int bytes) throws IOException;
}
