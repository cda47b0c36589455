package org.smbscope.server.smb2;

import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.FlushRequest;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.WriteRequest;

/**
 * The FileId of a request, and a copy with another one: the related-compound substitution of
 * [MS-SMB2] 3.3.5.2.7.2 (a FileId of all ones means "the one of the previous operation").
 */
final class FileIds {
    private FileIds() {
    }

    /** The request's FileId, or null for commands without one. */
    static FileId of(Smb2Request r) {
        return switch (r) {
            case CloseRequest c -> c.fileId();
            case FlushRequest c -> c.fileId();
            case ReadRequest c -> c.fileId();
            case WriteRequest c -> c.fileId();
            case LockRequest c -> c.fileId();
            case IoctlRequest c -> c.fileId();
            case QueryDirectoryRequest c -> c.fileId();
            case ChangeNotifyRequest c -> c.fileId();
            case QueryInfoRequest c -> c.fileId();
            case SetInfoRequest c -> c.fileId();
            case OplockBreak c -> c.fileId();
            default -> null;
        };
    }

    static Smb2Request with(Smb2Request r, FileId id) {
        return switch (r) {
            case CloseRequest c -> new CloseRequest(c.flags(), id);
            case FlushRequest c -> new FlushRequest(id);
            case ReadRequest c -> new ReadRequest(c.padding(), c.flags(), c.length(), c.offset(), id, c.minimumCount(),
                    c.channel(), c.remainingBytes());
            case WriteRequest c -> new WriteRequest(c.offset(), id, c.channel(), c.remainingBytes(), c.flags(), c.data());
            case LockRequest c -> new LockRequest(c.lockSequence(), id, c.locks());
            case IoctlRequest c -> new IoctlRequest(c.ctlCode(), id, c.input(), c.maxInputResponse(), c.output(),
                    c.maxOutputResponse(), c.flags());
            case QueryDirectoryRequest c -> new QueryDirectoryRequest(c.infoClass(), c.flags(), c.fileIndex(), id,
                    c.pattern(), c.outputBufferLength());
            case ChangeNotifyRequest c -> new ChangeNotifyRequest(c.flags(), c.outputBufferLength(), id, c.completionFilter());
            case QueryInfoRequest c -> new QueryInfoRequest(c.infoType(), c.infoClass(), c.outputBufferLength(), c.input(),
                    c.additionalInformation(), c.flags(), id);
            case SetInfoRequest c -> new SetInfoRequest(c.infoType(), c.infoClass(), c.buffer(), c.additionalInformation(), id);
            case OplockBreak c -> new OplockBreak(c.oplockLevel(), id);
            default -> r;
        };
    }
}
