package org.smbscope.server.smb2;

import java.time.Clock;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.fs.DiskTreeHandler;
import org.smbscope.server.fs.OpenFiles;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/** The tree handler factories the server ships: disk shares and a placeholder that serves nothing. */
public final class ShareHandlers {
    private ShareHandlers() {
    }

    /** Disk shares served from their {@code path}. */
    public static TreeHandlerFactory disk(Clock clock) {
        return disk(clock, DiskTreeHandler.DEFAULT_MAX_OPENS);
    }

    /**
     * Disk shares served from their {@code path}, at most {@code maxOpens} opens per tree connect; every tree
     * connect made through this factory shares one {@link OpenFiles} (share modes, byte-range locks, change
     * notify and delete-on-close hold across trees, sessions and connections).
     */
    public static TreeHandlerFactory disk(Clock clock, int maxOpens) {
        OpenFiles files = new OpenFiles();
        return share -> new DiskTreeHandler(ShareRoot.of(share.path()), share.readOnly(), clock, files, maxOpens);
    }

    /** A handler answering every command STATUS_NOT_SUPPORTED. */
    public static TreeHandlerFactory unsupported() {
        return share -> new Unsupported();
    }

    private static final class Unsupported implements TreeHandler {
        @Override
        public Outcome handle(RequestContext context, Smb2Request request) {
            return Outcome.Done.error(NtStatus.NOT_SUPPORTED, request.command());
        }

        @Override
        public void close() {
        }
    }
}
