package org.smbscope.server.ipc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.SyntaxId;
import org.smbscope.codec.srvsvc.ServerInfo;
import org.smbscope.codec.srvsvc.ShareInfo;
import org.smbscope.codec.srvsvc.ShareType;
import org.smbscope.codec.srvsvc.SrvsvcCodec;
import org.smbscope.codec.srvsvc.SrvsvcMessage;
import org.smbscope.codec.srvsvc.Werror;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.ShareConfig;

/**
 * The srvsvc calls ([MS-SRVS] 3.1.4): NetrShareEnum (opnum 15, levels 0, 1, 2; shares with
 * {@code browseable = no} left out), NetrShareGetInfo (16; any share by name) and NetrServerGetInfo
 * (21, levels 100 and 101).
 */
final class Srvsvc implements RpcInterface {
    /** SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_SERVER_UNIX | SV_TYPE_NT | SV_TYPE_SERVER_NT. */
    static final long SERVER_TYPE = 0x00000001L | 0x00000002L | 0x00000800L | 0x00001000L | 0x00008000L;

    private final ServerConfig config;

    Srvsvc(ServerConfig config) {
        this.config = config;
    }

    @Override
    public SyntaxId syntax() {
        return SrvsvcCodec.INTERFACE;
    }

    @Override
    public byte[] call(int opnum, byte[] stub) throws DcerpcDecodeException, UnknownOpnum {
        if (opnum != SrvsvcCodec.NETR_SHARE_ENUM && opnum != SrvsvcCodec.NETR_SHARE_GET_INFO
                && opnum != SrvsvcCodec.NETR_SERVER_GET_INFO) {
            throw new UnknownOpnum(opnum);
        }
        SrvsvcMessage reply = switch (SrvsvcCodec.decodeRequest(opnum, stub)) {
            case SrvsvcMessage.NetShareEnumRequest q -> shareEnum(q);
            case SrvsvcMessage.NetShareGetInfoRequest q -> shareGetInfo(q);
            case SrvsvcMessage.NetServerGetInfoRequest q -> serverGetInfo(q);
            default -> throw new UnknownOpnum(opnum);
        };
        return SrvsvcCodec.encode(reply);
    }

    private SrvsvcMessage shareEnum(SrvsvcMessage.NetShareEnumRequest q) {
        if (q.level() != 0 && q.level() != 1 && q.level() != 2) {
            return new SrvsvcMessage.NetShareEnumResponse(q.level(), List.of(), 0, null, Werror.INVALID_LEVEL);
        }
        List<ShareInfo> list = new ArrayList<>();
        for (ShareConfig s : config.shares()) {
            if (s.browseable()) {
                list.add(info(q.level(), s));
            }
        }
        list.add(ipc(q.level()));
        return new SrvsvcMessage.NetShareEnumResponse(q.level(), list, list.size(), q.resumeHandle() == null ? null : 0L,
                Werror.OK);
    }

    private SrvsvcMessage shareGetInfo(SrvsvcMessage.NetShareGetInfoRequest q) {
        if (q.level() != 0 && q.level() != 1 && q.level() != 2) {
            return new SrvsvcMessage.NetShareGetInfoResponse(q.level(), null, Werror.INVALID_LEVEL);
        }
        if (q.shareName().equalsIgnoreCase("IPC$")) {
            return new SrvsvcMessage.NetShareGetInfoResponse(q.level(), ipc(q.level()), Werror.OK);
        }
        Optional<ShareConfig> s = config.share(q.shareName());
        return s.isEmpty() ? new SrvsvcMessage.NetShareGetInfoResponse(q.level(), null, Werror.NERR_NET_NAME_NOT_FOUND)
                : new SrvsvcMessage.NetShareGetInfoResponse(q.level(), info(q.level(), s.get()), Werror.OK);
    }

    private SrvsvcMessage serverGetInfo(SrvsvcMessage.NetServerGetInfoRequest q) {
        if (q.level() != 100 && q.level() != 101) {
            return new SrvsvcMessage.NetServerGetInfoResponse(q.level(), null, Werror.INVALID_LEVEL);
        }
        return new SrvsvcMessage.NetServerGetInfoResponse(q.level(),
                new ServerInfo(q.level(), 500, config.netbiosName(), 10, 0, SERVER_TYPE, "smbscope"), Werror.OK);
    }

    private ShareInfo info(int level, ShareConfig s) {
        return switch (level) {
            case 0 -> ShareInfo.level0(s.name());
            case 1 -> ShareInfo.level1(s.name(), ShareType.DISKTREE, s.comment());
            default -> ShareInfo.level2(s.name(), ShareType.DISKTREE, s.comment(), 0, 0xFFFFFFFFL, 0,
                    "C:" + s.path().toString().replace('/', '\\'), null);
        };
    }

    private ShareInfo ipc(int level) {
        String remark = "IPC Service (" + config.netbiosName() + ")";
        return switch (level) {
            case 0 -> ShareInfo.level0("IPC$");
            case 1 -> ShareInfo.level1("IPC$", ShareType.IPC_HIDDEN, remark);
            default -> ShareInfo.level2("IPC$", ShareType.IPC_HIDDEN, remark, 0, 0xFFFFFFFFL, 0, "C:\\tmp", null);
        };
    }
}
