package org.smbscope.server.smb2;

import java.io.IOException;
import org.smbscope.server.config.ShareConfig;
import org.smbscope.server.tree.TreeHandler;

/**
 * Makes the {@link TreeHandler} of a disk share's tree connect ([MS-SMB2] 3.3.5.7). The server's default
 * is {@link ShareHandlers#disk}; tests plug in their own.
 */
@FunctionalInterface
public interface TreeHandlerFactory {
    /** A handler for one tree connect to {@code share}; an IOException means the share's path is unusable. */
    TreeHandler open(ShareConfig share) throws IOException;
}
