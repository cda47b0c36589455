package org.smbscope.codec.srvsvc;

import java.util.List;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;

/**
 * The srvsvc calls smbscope speaks ([MS-SRVS] 3.1.4): NetrShareEnum (15), NetrShareGetInfo (16)
 * and NetrServerGetInfo (21), requests and responses; encoded and decoded as NDR stubs by
 * {@link SrvsvcCodec}.
 */
public sealed interface SrvsvcMessage extends Described {
    int opnum();

    /** [MS-SRVS] 3.1.4.8 NetrShareEnum request; {@code serverName} and {@code resumeHandle} may be null. */
    record NetShareEnumRequest(String serverName, int level, long preferredMaximumLength, Long resumeHandle)
            implements SrvsvcMessage {
        @Override
        public int opnum() {
            return SrvsvcCodec.NETR_SHARE_ENUM;
        }

        @Override
        public Detail detail() {
            return Detail.of("Server Service, NetShareEnumAll request").field("Server", serverName)
                    .field("Level", level).field("Max Buffer", preferredMaximumLength).field("Resume Handle", resumeHandle);
        }
    }

    /** [MS-SRVS] 3.1.4.8 NetrShareEnum response. */
    record NetShareEnumResponse(int level, List<ShareInfo> shares, long totalEntries, Long resumeHandle, Werror status)
            implements SrvsvcMessage {
        public NetShareEnumResponse {
            shares = List.copyOf(shares);
        }

        @Override
        public int opnum() {
            return SrvsvcCodec.NETR_SHARE_ENUM;
        }

        @Override
        public Detail detail() {
            Detail d = Detail.of("Server Service, NetShareEnumAll response").field("Level", level)
                    .field("Count", shares.size());
            shares.forEach(s -> d.child(s.detail()));
            return d.field("Totalentries", totalEntries).field("Resume Handle", resumeHandle)
                    .field("Windows Error", status);
        }
    }

    /** [MS-SRVS] 3.1.4.10 NetrShareGetInfo request. */
    record NetShareGetInfoRequest(String serverName, String shareName, int level) implements SrvsvcMessage {
        @Override
        public int opnum() {
            return SrvsvcCodec.NETR_SHARE_GET_INFO;
        }

        @Override
        public Detail detail() {
            return Detail.of("Server Service, NetShareGetInfo request").field("Server", serverName)
                    .field("Share", shareName).field("Level", level);
        }
    }

    /** [MS-SRVS] 3.1.4.10 NetrShareGetInfo response; {@code share} is null on error. */
    record NetShareGetInfoResponse(int level, ShareInfo share, Werror status) implements SrvsvcMessage {
        @Override
        public int opnum() {
            return SrvsvcCodec.NETR_SHARE_GET_INFO;
        }

        @Override
        public Detail detail() {
            Detail d = Detail.of("Server Service, NetShareGetInfo response").field("Level", level);
            if (share != null) {
                d.child(share.detail());
            }
            return d.field("Windows Error", status);
        }
    }

    /** [MS-SRVS] 3.1.4.17 NetrServerGetInfo request. */
    record NetServerGetInfoRequest(String serverName, int level) implements SrvsvcMessage {
        @Override
        public int opnum() {
            return SrvsvcCodec.NETR_SERVER_GET_INFO;
        }

        @Override
        public Detail detail() {
            return Detail.of("Server Service, NetSrvGetInfo request").field("Server", serverName).field("Level", level);
        }
    }

    /** [MS-SRVS] 3.1.4.17 NetrServerGetInfo response; {@code info} is null on error. */
    record NetServerGetInfoResponse(int level, ServerInfo info, Werror status) implements SrvsvcMessage {
        @Override
        public int opnum() {
            return SrvsvcCodec.NETR_SERVER_GET_INFO;
        }

        @Override
        public Detail detail() {
            Detail d = Detail.of("Server Service, NetSrvGetInfo response").field("Level", level);
            if (info != null) {
                d.child(info.detail());
            }
            return d.field("Windows Error", status);
        }
    }
}
