package org.smbscope.server.smb1;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.rap.RapDecodeException;
import org.smbscope.codec.rap.RapRequest;
import org.smbscope.codec.rap.RapRequests;
import org.smbscope.codec.rap.RapResponse;
import org.smbscope.codec.rap.ServerInfo1;
import org.smbscope.codec.rap.ServerType;
import org.smbscope.codec.rap.ShareInfo1;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.ShareConfig;

/**
 * RAP on {@code \PIPE\LANMAN} ([MS-RAP] 2.5.5.1 NetShareEnum, 2.5.6.1 NetServerGetInfo, 2.5.5.2 NetServerEnum2):
 * the browseable shares and IPC$, this server, and the browse list (from the name service when the server runs
 * one, else this server and its workgroup). Other opcodes answer ERROR_NOT_SUPPORTED (50) in the RAP status.
 */
final class Smb1Lanman {
    static final int ERROR_NOT_SUPPORTED = 50;
    static final int NET_SESSION_ENUM = 6;
    static final int NET_REMOTE_TOD = 91;
    static final long OUR_TYPE = ServerType.WORKSTATION | ServerType.SERVER | ServerType.NT | ServerType.SERVER_NT
            | ServerType.POTENTIAL_BROWSER;

    private Smb1Lanman() {
    }

    static Smb1Dispatcher.R answer(Smb1Dispatcher d, TransactionRequest tr) {
        RapRequest req;
        try {
            req = RapRequests.decode(tr.parameters());
        } catch (RapDecodeException e) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, tr.command());
        }
        ServerConfig c = d.config;
        RapResponse resp = switch (req) {
            case RapRequest.NetShareEnum n -> {
                List<ShareInfo1> shares = new ArrayList<>();
                for (ShareConfig s : c.shares()) {
                    if (s.browseable() && s.name().length() <= 12) {
                        shares.add(new ShareInfo1(s.name(), ShareInfo1.DISK, s.comment()));
                    }
                }
                shares.add(new ShareInfo1("IPC$", ShareInfo1.IPC, "IPC Service"));
                yield new RapResponse.NetShareEnum(0, 0, shares, shares.size());
            }
            case RapRequest.NetServerGetInfo g -> new RapResponse.NetServerGetInfo(0, 0, 0, self(c));
            case RapRequest.NetServerEnum2 e -> {
                List<ServerInfo1> out = browseList(d, c, e.serverType().value());
                yield new RapResponse.NetServerEnum2(0, 0, out, out.size());
            }
            case RapRequest.Other o -> null;
        };
        if (resp == null) {
            int opcode = ((RapRequest.Other) req).opcode();
            if (opcode == NET_REMOTE_TOD) {
                byte[] params = new WireWriter().u16le(0).u16le(0).toByteArray();
                return Smb1Dispatcher.R.ok(TransactionResponse.of(tr.command(), params, timeOfDay(d)));
            }
            // NetSessionEnum: no sessions to show; anything else: ERROR_NOT_SUPPORTED, with room for the counts
            int status = opcode == NET_SESSION_ENUM ? 0 : ERROR_NOT_SUPPORTED;
            byte[] params = new WireWriter().u16le(status).u16le(0).u16le(0).u16le(0).toByteArray();
            return Smb1Dispatcher.R.ok(TransactionResponse.of(tr.command(), params, new byte[0]));
        }
        return Smb1Dispatcher.R.ok(TransactionResponse.of(tr.command(), resp.encodeParameters(), resp.encodeData()));
    }

    static ServerInfo1 self(ServerConfig c) {
        return new ServerInfo1(c.netbiosName(), 6, 1, new ServerType(OUR_TYPE), c.netbios() == null ? "" : comment(c));
    }

    private static String comment(ServerConfig c) {
        return "smbscope";
    }

    /** The browse list's answer for {@code mask}, else this server and its workgroup filtered as NetServerEnum2 does. */
    private static List<ServerInfo1> browseList(Smb1Dispatcher d, ServerConfig c, long mask) {
        List<ServerInfo1> own = ownEntries(c, mask);
        if (d.svc.browseList() != null) {
            List<ServerInfo1> l = d.svc.browseList().apply(mask);
            if (l != null && !l.isEmpty()) {
                // the list plus ourselves / our workgroup when the list does not have them yet
                List<ServerInfo1> out = new java.util.ArrayList<>(l);
                for (ServerInfo1 o : own) {
                    if (l.stream().noneMatch(e -> e.name().equalsIgnoreCase(o.name()))) {
                        out.add(o);
                    }
                }
                out.sort(java.util.Comparator.comparing(e -> e.name().toUpperCase(java.util.Locale.ROOT)));
                return out;
            }
        }
        return own;
    }

    private static List<ServerInfo1> ownEntries(ServerConfig c, long mask) {
        boolean domains = (mask & ServerType.DOMAIN_ENUM) != 0 && mask != ServerType.ALL;
        if (domains) {
            return List.of(new ServerInfo1(c.workgroup(), 0, 0, new ServerType(ServerType.DOMAIN_ENUM | ServerType.NT),
                    c.netbiosName()));
        }
        return (OUR_TYPE & mask) != 0 ? List.of(self(c)) : List.of();
    }

    /** [MS-RAP] 2.5.10.1.2 TimeOfDayInfo from the server's clock (UTC, time zone 0). */
    static byte[] timeOfDay(Smb1Dispatcher d) {
        java.time.Instant now = d.svc.clock().instant();
        java.time.ZonedDateTime t = now.atZone(java.time.ZoneOffset.UTC);
        return new WireWriter().u32le(now.getEpochSecond() & 0xFFFFFFFFL).u32le(now.toEpochMilli() & 0xFFFFFFFFL)
                .u8(t.getHour()).u8(t.getMinute()).u8(t.getSecond()).u8(t.getNano() / 10_000_000).u16le(0).u16le(310)
                .u8(t.getDayOfMonth()).u8(t.getMonthValue()).u16le(t.getYear()).u8(t.getDayOfWeek().getValue() % 7)
                .toByteArray();
    }
}
