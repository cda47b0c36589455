package org.smbscope.codec.srvsvc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.NdrReader;
import org.smbscope.codec.dcerpc.NdrWriter;
import org.smbscope.codec.dcerpc.SyntaxId;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetServerGetInfoRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetServerGetInfoResponse;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareEnumRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareEnumResponse;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareGetInfoRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareGetInfoResponse;

/**
 * NDR stubs of the srvsvc interface ([MS-SRVS] 3.1.4, IDL in appendix A), UUID
 * 4b324fc8-1670-01d3-1278-5a47bf6ee188 version 3.0, over \PIPE\srvsvc. Share levels 0, 1 and 2;
 * server info levels 100 and 101. Decoders throw only {@link DcerpcDecodeException}.
 */
public final class SrvsvcCodec {
    /** The srvsvc interface, version 3.0. */
    public static final SyntaxId INTERFACE = new SyntaxId(UUID.fromString("4b324fc8-1670-01d3-1278-5a47bf6ee188"), 3, 0);
    public static final int NETR_SHARE_ENUM = 15;
    public static final int NETR_SHARE_GET_INFO = 16;
    public static final int NETR_SERVER_GET_INFO = 21;

    private SrvsvcCodec() {
    }

    /** Encodes a message's stub; referent ids start at 0x00020000. */
    public static byte[] encode(SrvsvcMessage m) {
        return encode(m, 0x00020000L);
    }

    /** Encodes with referent ids starting at {@code firstReferent} (Samba continues the request's numbering). */
    public static byte[] encode(SrvsvcMessage m, long firstReferent) {
        NdrWriter w = new NdrWriter(firstReferent);
        switch (m) {
            case NetShareEnumRequest q -> {
                w.construct(x -> x.stringPointer(q.serverName()));
                w.construct(x -> x.u32(q.level()).u32(q.level()).pointer(true, c -> c.u32(0).u32(0)));
                w.u32(q.preferredMaximumLength());
                w.construct(x -> x.pointer(q.resumeHandle() != null, h -> h.u32(q.resumeHandle())));
            }
            case NetShareEnumResponse r -> {
                w.construct(x -> x.u32(r.level()).u32(r.level()).pointer(true, c -> {
                    c.u32(r.shares().size());
                    c.pointer(true, a -> {
                        a.u32(r.shares().size());
                        r.shares().forEach(s -> shareScalars(a, r.level(), s));
                    });
                }));
                w.u32(r.totalEntries());
                w.construct(x -> x.pointer(r.resumeHandle() != null, h -> h.u32(r.resumeHandle())));
                w.u32(r.status().value());
            }
            case NetShareGetInfoRequest q -> {
                w.construct(x -> x.stringPointer(q.serverName()));
                w.string(q.shareName());
                w.u32(q.level());
            }
            case NetShareGetInfoResponse r -> {
                w.construct(x -> x.u32(r.level()).pointer(r.share() != null, s -> shareScalars(s, r.level(), r.share())));
                w.u32(r.status().value());
            }
            case NetServerGetInfoRequest q -> {
                w.construct(x -> x.stringPointer(q.serverName()));
                w.u32(q.level());
            }
            case NetServerGetInfoResponse r -> {
                w.construct(x -> x.u32(r.level()).pointer(r.info() != null, s -> {
                    ServerInfo i = r.info();
                    s.u32(i.platformId()).stringPointer(i.name());
                    if (r.level() == 101) {
                        s.u32(i.versionMajor()).u32(i.versionMinor()).u32(i.type()).stringPointer(i.comment());
                    }
                }));
                w.u32(r.status().value());
            }
        }
        return w.toByteArray();
    }

    private static void shareScalars(NdrWriter a, int level, ShareInfo s) {
        a.stringPointer(s.name());
        if (level >= 1) {
            a.u32(s.type().value()).stringPointer(s.remark());
        }
        if (level == 2) {
            a.u32(s.permissions()).u32(s.maxUses()).u32(s.currentUses()).stringPointer(s.path()).stringPointer(s.password());
        }
    }

    /** Decodes a request stub for {@code opnum}. */
    public static SrvsvcMessage decodeRequest(int opnum, byte[] stub) throws DcerpcDecodeException {
        NdrReader r = NdrReader.of(stub);
        SrvsvcMessage m = switch (opnum) {
            case NETR_SHARE_ENUM -> {
                String server = optionalString(r, "ServerName");
                int level = level(r, "Level");
                long sw = r.u32("SwitchValue");
                if (sw != level) {
                    throw r.error("SwitchValue", "union switch " + sw + " differs from level " + level);
                }
                if (r.pointer("Container") != 0) {
                    long count = r.u32("EntriesRead");
                    if (r.pointer("Buffer") != 0 || count != 0) {
                        throw r.error("Buffer", "a request carries an empty container");
                    }
                }
                long max = r.u32("PreferedMaximumLength");
                Long resume = r.pointer("ResumeHandle") != 0 ? r.u32("ResumeHandle") : null;
                yield new NetShareEnumRequest(server, level, max, resume);
            }
            case NETR_SHARE_GET_INFO -> {
                String server = optionalString(r, "ServerName");
                String share = r.string("NetName");
                yield new NetShareGetInfoRequest(server, share, level(r, "Level"));
            }
            case NETR_SERVER_GET_INFO -> {
                String server = optionalString(r, "ServerName");
                yield new NetServerGetInfoRequest(server, (int) r.u32("Level"));
            }
            default -> throw r.error("opnum", "srvsvc opnum " + opnum + " is not supported");
        };
        r.expectEnd("request stub");
        return m;
    }

    /** Decodes a response stub for {@code opnum}. */
    public static SrvsvcMessage decodeResponse(int opnum, byte[] stub) throws DcerpcDecodeException {
        NdrReader r = NdrReader.of(stub);
        SrvsvcMessage m = switch (opnum) {
            case NETR_SHARE_ENUM -> shareEnumResponse(r);
            case NETR_SHARE_GET_INFO -> {
                int level = level(r, "SwitchValue");
                ShareInfo share = null;
                if (r.pointer("ShareInfo") != 0) {
                    share = shares(r, level, 1).get(0);
                }
                yield new NetShareGetInfoResponse(level, share, new Werror(r.u32("WERROR")));
            }
            case NETR_SERVER_GET_INFO -> {
                int level = (int) r.u32("SwitchValue");
                ServerInfo info = null;
                if (r.pointer("ServerInfo") != 0) {
                    if (level != 100 && level != 101) {
                        throw r.error("Level", "server info level " + level + " is not supported");
                    }
                    long platform = r.u32("platform_id");
                    long namePtr = r.pointer("name");
                    long major = 0;
                    long minor = 0;
                    long type = 0;
                    long commentPtr = 0;
                    if (level == 101) {
                        major = r.u32("version_major");
                        minor = r.u32("version_minor");
                        type = r.u32("type");
                        commentPtr = r.pointer("comment");
                    }
                    String name = namePtr != 0 ? r.string("name") : null;
                    String comment = commentPtr != 0 ? r.string("comment") : null;
                    info = new ServerInfo(level, platform, name, major, minor, type, comment);
                }
                yield new NetServerGetInfoResponse(level, info, new Werror(r.u32("WERROR")));
            }
            default -> throw r.error("opnum", "srvsvc opnum " + opnum + " is not supported");
        };
        r.expectEnd("response stub");
        return m;
    }

    private static NetShareEnumResponse shareEnumResponse(NdrReader r) throws DcerpcDecodeException {
        int level = level(r, "Level");
        long sw = r.u32("SwitchValue");
        if (sw != level) {
            throw r.error("SwitchValue", "union switch " + sw + " differs from level " + level);
        }
        List<ShareInfo> shares = List.of();
        if (r.pointer("Container") != 0) {
            long count = r.u32("EntriesRead");
            if (r.pointer("Buffer") != 0) {
                int max = r.conformance("Buffer.max_count", level == 0 ? 4 : level == 1 ? 12 : 32);
                if (count > max) {
                    throw r.error("EntriesRead", "EntriesRead " + count + " exceeds the array's " + max);
                }
                shares = shares(r, level, max);
            } else if (count != 0) {
                throw r.error("Buffer", "EntriesRead " + count + " with a null buffer");
            }
        }
        long total = r.u32("TotalEntries");
        Long resume = r.pointer("ResumeHandle") != 0 ? r.u32("ResumeHandle") : null;
        return new NetShareEnumResponse(level, shares, total, resume, new Werror(r.u32("WERROR")));
    }

    /** Reads {@code n} SHARE_INFO_level structures, then their strings in NDR order. */
    private static List<ShareInfo> shares(NdrReader r, int level, int n) throws DcerpcDecodeException {
        long[][] ptrs = new long[n][];
        long[][] nums = new long[n][];
        for (int i = 0; i < n; i++) {
            long name = r.pointer("shi_netname");
            if (level == 0) {
                ptrs[i] = new long[] {name};
                nums[i] = new long[0];
            } else if (level == 1) {
                long type = r.u32("shi_type");
                ptrs[i] = new long[] {name, r.pointer("shi_remark")};
                nums[i] = new long[] {type};
            } else {
                long type = r.u32("shi_type");
                long remark = r.pointer("shi_remark");
                long perms = r.u32("shi_permissions");
                long maxUses = r.u32("shi_max_uses");
                long cur = r.u32("shi_current_uses");
                ptrs[i] = new long[] {name, remark, r.pointer("shi_path"), r.pointer("shi_passwd")};
                nums[i] = new long[] {type, perms, maxUses, cur};
            }
        }
        List<ShareInfo> out = new ArrayList<>(n);
        String[] names = {"shi_netname", "shi_remark", "shi_path", "shi_passwd"};
        for (int i = 0; i < n; i++) {
            String[] s = new String[4];
            for (int k = 0; k < ptrs[i].length; k++) {
                s[k] = ptrs[i][k] != 0 ? r.string(names[k]) : null;
            }
            out.add(switch (level) {
                case 0 -> ShareInfo.level0(s[0]);
                case 1 -> ShareInfo.level1(s[0], new ShareType(nums[i][0]), s[1]);
                default -> ShareInfo.level2(s[0], new ShareType(nums[i][0]), s[1], nums[i][1], nums[i][2], nums[i][3], s[2], s[3]);
            });
        }
        return out;
    }

    private static int level(NdrReader r, String field) throws DcerpcDecodeException {
        long level = r.u32(field);
        if (level > 2) {
            throw r.error(field, "share info level " + level + " is not supported (0, 1, 2)");
        }
        return (int) level;
    }

    private static String optionalString(NdrReader r, String field) throws DcerpcDecodeException {
        return r.pointer(field) != 0 ? r.string(field) : null;
    }
}
