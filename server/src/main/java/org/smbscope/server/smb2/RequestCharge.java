package org.smbscope.server.smb2;

import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.WriteRequest;

/**
 * [MS-SMB2] 3.3.5.2.5 Verifying the Credit Charge and the Payload Size: with large MTU a request must be
 * charged 1 credit per started 64 KiB of the larger of what it sends and what it may get back.
 */
final class RequestCharge {
    private RequestCharge() {
    }

    static int required(Smb2Request r) {
        long payload = switch (r) {
            case ReadRequest q -> Integer.toUnsignedLong(q.length());
            case WriteRequest w -> w.data().remaining();
            case IoctlRequest i -> Math.max((long) i.input().length + i.output().length,
                    Integer.toUnsignedLong(i.maxOutputResponse()));
            case QueryDirectoryRequest q -> Integer.toUnsignedLong(q.outputBufferLength());
            case QueryInfoRequest q -> Math.max(Integer.toUnsignedLong(q.outputBufferLength()), q.input().length);
            case SetInfoRequest s -> s.buffer().length;
            case ChangeNotifyRequest c -> Integer.toUnsignedLong(c.outputBufferLength());
            default -> 0;
        };
        return Smb2Header.creditChargeFor(payload);
    }
}
