package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.call;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.fscc.FsccDecodeException;
import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.fscc.FullEaInformation;
import org.smbscope.codec.smb1.FeaList;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/**
 * The SMB1 extended attribute information levels ([MS-CIFS] 2.2.8.1 and 2.2.8.3: SMB_INFO_QUERY_EA_SIZE,
 * SMB_INFO_QUERY_EAS_FROM_LIST, SMB_INFO_QUERY_ALL_EAS, SMB_INFO_SET_EAS) and the EA lists of TRANS2_OPEN2,
 * TRANS2_CREATE_DIRECTORY and NT_TRANSACT_CREATE, mapped onto SMB2 FileFullEaInformation / FileEaInformation
 * calls and the CREATE "ExtA" context: OS/2 FEA lists ({@link FeaList}) become FILE_FULL_EA_INFORMATION chains.
 */
final class Smb1Eas {
    static final int INFO_QUERY_EA_SIZE = 2;
    static final int INFO_QUERY_EAS_FROM_LIST = 3;
    static final int INFO_QUERY_ALL_EAS = 4;
    static final int INFO_SET_EAS = 2;
    /** FILE_READ_ATTRIBUTES | FILE_READ_EA, what a path query of an EA level opens with. */
    static final int QUERY_ACCESS = 0x88;
    /** FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA. */
    static final int SET_ACCESS = 0x110;

    private Smb1Eas() {
    }

    static boolean isQueryLevel(int level) {
        return level == INFO_QUERY_EA_SIZE || level == INFO_QUERY_EAS_FROM_LIST || level == INFO_QUERY_ALL_EAS;
    }

    /** The answer's data for one EA query level on an open, or a failure status in {@code done}. */
    static Outcome.Done query(TreeHandler h, RequestContext ctx, FileId id, int level, byte[] request, int max,
            byte[][] out) {
        switch (level) {
            case INFO_QUERY_EA_SIZE -> {
                byte[] n = TreeCalls.networkOpen(h, ctx, id);
                if (n == null) {
                    return Outcome.Done.error(NtStatus.INVALID_HANDLE, org.smbscope.codec.smb2.Smb2Command.QUERY_INFO);
                }
                out[0] = new WireWriter().bytes(Smb1Info.infoStandard(n, false)).u32le(eaSize(h, ctx, id)).toByteArray();
                return Outcome.Done.ok(null);
            }
            case INFO_QUERY_EAS_FROM_LIST -> {
                List<String> names;
                try {
                    names = FeaList.decodeNames(request);
                } catch (Smb1DecodeException e) {
                    return Outcome.Done.error(NtStatus.INVALID_PARAMETER, org.smbscope.codec.smb2.Smb2Command.QUERY_INFO);
                }
                if (names.isEmpty()) {
                    out[0] = FeaList.encode(List.of());
                    return Outcome.Done.ok(null);
                }
                return fullEas(h, ctx, id, FullEaInformation.encodeNames(names), max, out);
            }
            default -> {
                return fullEas(h, ctx, id, new byte[0], max, out);
            }
        }
    }

    private static Outcome.Done fullEas(TreeHandler h, RequestContext ctx, FileId id, byte[] names, int max,
            byte[][] out) {
        Outcome.Done done = call(h, ctx, new QueryInfoRequest(InfoType.FILE, 15, 65536, names, 0, 0x1, id));
        if (done.status().equals(NtStatus.NO_EAS_ON_FILE)) {
            out[0] = FeaList.encode(List.of());
            return Outcome.Done.ok(null);
        }
        boolean overflow = done.status().equals(NtStatus.BUFFER_OVERFLOW);
        if ((done.status().value() != 0 && !overflow) || !(done.response() instanceof QueryInfoResponse q)) {
            return done;
        }
        List<FullEa> eas;
        try {
            eas = FullEaInformation.decode(q.output());
        } catch (FsccDecodeException e) {
            return Outcome.Done.error(NtStatus.EA_CORRUPT_ERROR, done.response().command());
        }
        List<FullEa> fit = new ArrayList<>();
        for (FullEa e : eas) {
            fit.add(e);
            if (FeaList.size(fit) > max) {
                fit.remove(fit.size() - 1);
                break;
            }
        }
        out[0] = FeaList.encode(fit);
        return fit.size() < eas.size() ? new Outcome.Done(NtStatus.BUFFER_OVERFLOW, null) : Outcome.Done.ok(null);
    }

    /** FileEaInformation.EaSize of an open (0 when it cannot be read). */
    static long eaSize(TreeHandler h, RequestContext ctx, FileId id) {
        Outcome.Done done = call(h, ctx, QueryInfoRequest.of(InfoType.FILE, 7, id, 4));
        if (done.status().value() == 0 && done.response() instanceof QueryInfoResponse q && q.output().length >= 4) {
            return Smb1Legacy.u32(q.output(), 0);
        }
        return 0;
    }

    /** SMB_INFO_SET_EAS on an open: the FEA list as a SET_INFO FileFullEaInformation. */
    static Outcome.Done set(TreeHandler h, RequestContext ctx, FileId id, byte[] feaList) {
        List<FullEa> eas;
        try {
            eas = FeaList.decode(feaList);
        } catch (Smb1DecodeException e) {
            return Outcome.Done.error(NtStatus.EA_LIST_INCONSISTENT, org.smbscope.codec.smb2.Smb2Command.SET_INFO);
        }
        if (eas.isEmpty()) {
            return Outcome.Done.ok(null);
        }
        return call(h, ctx, new SetInfoRequest(InfoType.FILE, 15, FullEaInformation.encode(eas), 0, id));
    }

    /**
     * The "ExtA" create context for an OS/2 FEA list sent with TRANS2_OPEN2 or TRANS2_CREATE_DIRECTORY (none for an
     * empty list); throws when the list is malformed.
     */
    static List<CreateContext> contextsForFeaList(byte[] data) throws Smb1DecodeException {
        if (data.length <= 4) {
            return List.of();
        }
        List<FullEa> eas = FeaList.decode(data);
        return eas.isEmpty() ? List.of() : List.of(new CreateContext(CreateContext.EA_BUFFER, FullEaInformation.encode(eas)));
    }
}
