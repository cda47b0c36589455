package org.smbscope.server.tree;

import java.util.concurrent.CompletableFuture;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Response;
import org.smbscope.codec.status.NtStatus;

/** What a {@link TreeHandler} answers: a response now, or later ([MS-SMB2] 3.3.4.2 async responses). */
public sealed interface Outcome {

    /** A finished answer: the header status and the body (an {@link ErrorResponse} for failures). */
    record Done(NtStatus status, Smb2Response response) implements Outcome {
        public static Done ok(Smb2Response response) {
            return new Done(NtStatus.SUCCESS, response);
        }

        public static Done error(NtStatus status, Smb2Command command) {
            return new Done(status, ErrorResponse.empty(command));
        }
    }

    /**
     * Work that will finish later. The dispatcher sends STATUS_PENDING with an async id at once, then the
     * final answer when {@code completion} completes. {@code cancel} is run on CANCEL or when the tree,
     * session or connection goes; it must complete {@code completion} with STATUS_CANCELLED (or
     * STATUS_NOTIFY_CLEANUP for a change notify whose handle was closed).
     */
    record Pending(CompletableFuture<Done> completion, Runnable cancel) implements Outcome {
    }
}
