package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.call;

import org.smbscope.codec.smb1.NtTransactMessage;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.ChangeNotifyResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * Two NT_TRANSACT functions: NT_TRANSACT_NOTIFY_CHANGE ([MS-CIFS] 2.2.7.4, 3.3.5.59.4), the tree handler's change
 * notify, pending until something changes (the connection's later requests are served meanwhile), NT_CANCEL
 * (STATUS_CANCELLED) or the directory's close (success with no changes, as Samba answers SMB1); and NT_TRANSACT_RENAME ([MS-CIFS] 2.2.7.5),
 * which Windows Server 2003 answers with success and does nothing, as here.
 */
final class Smb1NotifyRename {
    static final int NOTIFY_CHANGE = 4;
    static final int RENAME = 5;

    private final Smb1Files files;

    Smb1NotifyRename(Smb1Files files) {
        this.files = files;
    }

    private static Smb1Dispatcher.R nt(NtStatus status, byte[] params) {
        return new Smb1Dispatcher.R(status, new NtTransactMessage(true, 0, params.length, 0, 0, 0, 0, new int[0], params,
                new byte[0]));
    }

    /** Setup: CompletionFilter (2 words), FID, WatchTree (low byte). Changes come back as the response parameters. */
    Smb1Dispatcher.R notifyChange(RequestContext ctx, Smb1Dispatcher.Tree t, NtTransactMessage m) {
        Smb1Command c = Smb1Command.NT_TRANSACT;
        int[] setup = m.setup();
        if (setup.length != 4) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Smb1Files.Open o = files.open(t, setup[2]);
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        int filter = setup[0] | setup[1] << 16;
        int flags = (setup[3] & 0xFF) != 0 ? ChangeNotifyRequest.WATCH_TREE : 0;
        int length = (int) Math.min(m.maxParameterCount(), TreeCalls.MAX_IO);
        Outcome.Done done = call(t.handler(), ctx, new ChangeNotifyRequest(flags, length, o.id(), filter));
        NtStatus st = done.status();
        if (st.value() == 0 && done.response() instanceof ChangeNotifyResponse r) {
            return nt(NtStatus.SUCCESS, r.output());
        }
        if (st.equals(NtStatus.NOTIFY_ENUM_DIR)) {
            return nt(st, new byte[0]);
        }
        if (st.equals(NtStatus.NOTIFY_CLEANUP)) {
            return nt(NtStatus.SUCCESS, new byte[0]); // the directory was closed: no changes (Samba's SMB1 answer)
        }
        return TreeCalls.fail(done, c);
    }

    /** Parameters: FID, RenameFlags, NewName: the FID is checked, nothing is renamed. */
    Smb1Dispatcher.R rename(Smb1Dispatcher.Tree t, NtTransactMessage m) {
        byte[] p = m.parameters();
        if (p.length < 4) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, Smb1Command.NT_TRANSACT);
        }
        if (files.open(t, Smb1Legacy.u16(p, 0)) == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, Smb1Command.NT_TRANSACT);
        }
        return nt(NtStatus.SUCCESS, new byte[0]);
    }
}
