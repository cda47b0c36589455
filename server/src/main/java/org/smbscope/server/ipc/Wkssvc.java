package org.smbscope.server.ipc;

import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.SyntaxId;
import org.smbscope.codec.wkssvc.WkssvcCodec;
import org.smbscope.codec.wkssvc.WkstaInfo100;
import org.smbscope.server.config.ServerConfig;

/** The wkssvc call ([MS-WKST] 3.2.4.1): NetrWkstaGetInfo at level 100; other levels get ERROR_INVALID_LEVEL. */
final class Wkssvc implements RpcInterface {
    private static final long ERROR_INVALID_LEVEL = 124;

    private final ServerConfig config;

    Wkssvc(ServerConfig config) {
        this.config = config;
    }

    @Override
    public SyntaxId syntax() {
        return WkssvcCodec.INTERFACE;
    }

    @Override
    public byte[] call(int opnum, byte[] stub) throws DcerpcDecodeException, UnknownOpnum {
        if (opnum != WkssvcCodec.NETR_WKSTA_GET_INFO) {
            throw new UnknownOpnum(opnum);
        }
        WkssvcCodec.GetInfoRequest q = WkssvcCodec.decodeRequest(stub);
        if (q.level() != 100) {
            return WkssvcCodec.encodeResponse(null, ERROR_INVALID_LEVEL);
        }
        return WkssvcCodec.encodeResponse(new WkstaInfo100(500, config.netbiosName(), config.workgroup(), 10, 0), 0);
    }
}
