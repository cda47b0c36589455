package org.smbscope.server.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.fscc.FsccDecodeException;
import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.fscc.FullEaInformation;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/**
 * FileFullEaInformation on a disk share ([MS-SMB2] 3.3.5.20.1 / 3.3.5.21.1, [MS-FSA] 2.1.5.11.x): QUERY_INFO with
 * an EaList (each named EA, an empty value for one the file lacks) or a scan (RestartScan, ReturnSingleEntry,
 * IndexSpecified with the 1-based index in AdditionalInformation; STATUS_NO_EAS_ON_FILE, STATUS_NO_MORE_EAS,
 * STATUS_BUFFER_OVERFLOW when not all fit, STATUS_BUFFER_TOO_SMALL when none does), SET_INFO (an empty value
 * deletes), and the CREATE "ExtA" context, all kept by the share's {@link EaStore}.
 */
final class EaCommands {
    static final int RESTART_SCAN = 0x1;
    static final int RETURN_SINGLE_ENTRY = 0x2;
    static final int INDEX_SPECIFIED = 0x4;
    static final NtStatus NO_MORE_EAS = new NtStatus(0x80000012);

    private final Share share;

    EaCommands(Share share) {
        this.share = share;
    }

    private EaStore store() {
        return share.files.eas;
    }

    Outcome query(Open o, QueryInfoRequest r, int max) throws Failure {
        if (!o.has(Access.READ_EA)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        List<FullEa> all = store().read(o.path());
        byte[] input = r.input();
        if (input.length > 0) {
            List<String> names;
            try {
                names = FullEaInformation.decodeNames(input);
            } catch (FsccDecodeException e) {
                throw new Failure(NtStatus.EA_LIST_INCONSISTENT);
            }
            List<FullEa> out = new ArrayList<>();
            for (String n : names) {
                FullEa found = find(all, n);
                out.add(found != null ? found : new FullEa(0, n, new byte[0]));
                if ((r.flags() & RETURN_SINGLE_ENTRY) != 0) {
                    break;
                }
            }
            return fit(out, max);
        }
        if (all.isEmpty()) {
            throw new Failure(NtStatus.NO_EAS_ON_FILE);
        }
        int cursor;
        synchronized (o) {
            cursor = o.eaCursor;
        }
        if ((r.flags() & RESTART_SCAN) != 0) {
            cursor = 0;
        }
        if ((r.flags() & INDEX_SPECIFIED) != 0) {
            cursor = Math.max(0, r.additionalInformation() - 1);
        }
        if (cursor >= all.size()) {
            throw new Failure(NO_MORE_EAS);
        }
        List<FullEa> rest = all.subList(cursor, all.size());
        if ((r.flags() & RETURN_SINGLE_ENTRY) != 0) {
            rest = rest.subList(0, 1);
        }
        Outcome.Done done = fit(rest, max);
        if (done.response() instanceof QueryInfoResponse q) {
            int taken = count(q.output());
            synchronized (o) {
                o.eaCursor = cursor + taken;
            }
        }
        return done;
    }

    private static FullEa find(List<FullEa> all, String name) {
        String c = EaStore.canonical(name);
        for (FullEa e : all) {
            if (e.name().equals(c)) {
                return e;
            }
        }
        return null;
    }

    /** As many whole entries as fit in {@code max}. */
    private static Outcome.Done fit(List<FullEa> eas, int max) {
        List<FullEa> taken = new ArrayList<>();
        for (FullEa e : eas) {
            taken.add(e);
            if (FullEaInformation.encodedSize(taken) > max) {
                taken.remove(taken.size() - 1);
                break;
            }
        }
        if (taken.isEmpty()) {
            return new Outcome.Done(NtStatus.BUFFER_TOO_SMALL, new ErrorResponse(Smb2Command.QUERY_INFO, 0, new byte[0]));
        }
        QueryInfoResponse out = new QueryInfoResponse(FullEaInformation.encode(taken));
        return new Outcome.Done(taken.size() < eas.size() ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS, out);
    }

    private static int count(byte[] chain) {
        try {
            return FullEaInformation.decode(chain).size();
        } catch (FsccDecodeException e) {
            return 0;
        }
    }

    /** SET_INFO FileFullEaInformation. */
    void set(Open o, byte[] buffer) throws Failure {
        if (share.readOnly || !o.has(Access.WRITE_EA)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        store().apply(o.path(), decode(buffer));
        share.changed(o.path(), org.smbscope.codec.fscc.FileNotifyInformation.ACTION_MODIFIED, o.directory,
                0x80); // FILE_NOTIFY_CHANGE_EA
    }

    static List<FullEa> decode(byte[] buffer) throws Failure {
        try {
            return FullEaInformation.decode(buffer);
        } catch (FsccDecodeException e) {
            throw new Failure(NtStatus.EA_LIST_INCONSISTENT);
        }
    }

    /** The EAs of a CREATE's "ExtA" context, checked before anything is created; null when there is none. */
    static List<FullEa> fromContexts(List<CreateContext> contexts) throws Failure {
        for (CreateContext c : contexts) {
            if (c.name().equals(CreateContext.EA_BUFFER)) {
                List<FullEa> eas = decode(c.data());
                NtStatus bad = EaStore.check(eas);
                if (bad != null) {
                    throw new Failure(bad);
                }
                return eas;
            }
        }
        return null;
    }

    /** Applies a create's EAs to the file it created or overwrote (an overwrite replaces the old set). */
    void created(Path p, List<FullEa> eas, boolean overwrite) throws Failure {
        if (overwrite) {
            store().clear(p);
        }
        if (eas != null && !eas.isEmpty()) {
            store().apply(p, eas);
        }
    }
}
