package org.smbscope.server.smb2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.server.tree.TreeHandler;

/**
 * One tree connect ([MS-SMB2] 3.3.1.10): the share's name, its handler and whether its traffic must be
 * encrypted.
 */
record TreeConnection(int id, String share, TreeHandler handler, boolean encrypt, boolean ipc) {
    private static final Logger LOG = LoggerFactory.getLogger(TreeConnection.class);

    void close() {
        try {
            handler.close();
        } catch (RuntimeException e) {
            LOG.warn("closing tree {} ({}) failed: {}", id, share, e.toString());
        }
    }

    /** The connection or session is lost: durable opens stay for a reconnect ([MS-SMB2] 3.3.7.1). */
    void disconnect() {
        try {
            handler.disconnect();
        } catch (RuntimeException e) {
            LOG.warn("disconnecting tree {} ({}) failed: {}", id, share, e.toString());
        }
    }
}
