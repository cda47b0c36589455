package org.smbscope.codec.wkssvc;

import java.util.UUID;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.NdrReader;
import org.smbscope.codec.dcerpc.NdrWriter;
import org.smbscope.codec.dcerpc.SyntaxId;

/**
 * NDR stubs of NetrWkstaGetInfo ([MS-WKST] 3.2.4.1, opnum 0):
 * request {@code [in, string, unique] WKSSVC_IDENTIFY_HANDLE ServerName; [in] unsigned long Level},
 * response {@code [out, switch_is(Level)] LPWKSTA_INFO WkstaInfo} (level 100) and the WERROR.
 */
public final class WkssvcCodec {
    /** The wkssvc interface 6bffd098-a112-3610-9833-46c3f87e345a version 1.0. */
    public static final SyntaxId INTERFACE = new SyntaxId(UUID.fromString("6bffd098-a112-3610-9833-46c3f87e345a"), 1, 0);
    public static final int NETR_WKSTA_GET_INFO = 0;

    /** The decoded request. */
    public record GetInfoRequest(String serverName, int level) {
    }

    private WkssvcCodec() {
    }

    public static GetInfoRequest decodeRequest(byte[] stub) throws DcerpcDecodeException {
        NdrReader r = NdrReader.of(stub);
        long ref = r.pointer("ServerName");
        String server = ref == 0 ? null : r.string("ServerName");
        r.align("Level", 4);
        long level = r.u32("Level");
        if (level > Integer.MAX_VALUE) {
            throw r.error("Level", "level " + level + " out of range");
        }
        r.expectEnd("NetrWkstaGetInfo request");
        return new GetInfoRequest(server, (int) level);
    }

    public static byte[] encodeRequest(GetInfoRequest q) {
        NdrWriter w = new NdrWriter();
        w.construct(x -> x.stringPointer(q.serverName()));
        w.u32(q.level());
        return w.toByteArray();
    }

    /** A level 100 answer; {@code info} null with a failure {@code werror}. */
    public static byte[] encodeResponse(WkstaInfo100 info, long werror) {
        NdrWriter w = new NdrWriter(0x00020000L);
        w.construct(x -> x.u32(100).pointer(info != null, s -> s.u32(info.platformId())
                .stringPointer(info.computerName()).stringPointer(info.langroup())
                .u32(info.versionMajor()).u32(info.versionMinor())));
        w.u32(werror);
        return w.toByteArray();
    }

    /** Decodes a level 100 answer (what a client reads); the WERROR must be 0. */
    public static WkstaInfo100 decodeResponse(byte[] stub) throws DcerpcDecodeException {
        NdrReader r = NdrReader.of(stub);
        long level = r.u32("Level");
        if (level != 100) {
            throw r.error("Level", "only level 100 is decoded, got " + level);
        }
        long ptr = r.pointer("WkstaInfo");
        if (ptr == 0) {
            throw r.error("WkstaInfo", "null info");
        }
        long platform = r.u32("wki100_platform_id");
        long namePtr = r.pointer("wki100_computername");
        long groupPtr = r.pointer("wki100_langroup");
        long major = r.u32("wki100_ver_major");
        long minor = r.u32("wki100_ver_minor");
        String name = namePtr == 0 ? "" : r.string("wki100_computername");
        r.align("wki100_langroup", 4);
        String group = groupPtr == 0 ? "" : r.string("wki100_langroup");
        r.align("WERROR", 4);
        long werror = r.u32("WERROR");
        if (werror != 0) {
            throw r.error("WERROR", String.format("0x%08x", werror));
        }
        r.expectEnd("NetrWkstaGetInfo response");
        return new WkstaInfo100(platform, name, group, major, minor);
    }
}
