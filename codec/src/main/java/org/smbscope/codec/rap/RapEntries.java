package org.smbscope.codec.rap;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** Fixed-size entries followed by the strings their pointers refer to. */
final class RapEntries {
    private RapEntries() {
    }

    static List<ShareInfo1> shares(byte[] data, int count, int converter) throws DecodeException {
        WireReader r = RapText.reader(data);
        if ((long) count * ShareInfo1.SIZE > data.length) {
            throw r.fail("EntriesReturned", count + " share_info_1 entries do not fit in " + data.length + " bytes");
        }
        List<ShareInfo1> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = RapText.fixed(r, "NetworkName", 13);
            r.skip("Pad", 1);
            int type = r.u16le("Type");
            long ptr = r.u32le("RemarkOffset");
            out.add(new ShareInfo1(name, type, RapText.pointer(data, ptr, converter, "Remark")));
        }
        return out;
    }

    static ServerInfo1 server(WireReader r, byte[] data, int converter) throws DecodeException {
        String name = RapText.fixed(r, "ServerName", 16);
        int major = r.u8("MajorVersion");
        int minor = r.u8("MinorVersion");
        ServerType type = new ServerType(r.u32le("ServerType"));
        long ptr = r.u32le("ServerComment");
        return new ServerInfo1(name, major, minor, type, RapText.pointer(data, ptr, converter, "ServerComment"));
    }

    static List<ServerInfo1> servers(byte[] data, int count, int converter) throws DecodeException {
        WireReader r = RapText.reader(data);
        if ((long) count * ServerInfo1.SIZE > data.length) {
            throw r.fail("EntriesReturned", count + " server_info_1 entries do not fit in " + data.length + " bytes");
        }
        List<ServerInfo1> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(server(r, data, converter));
        }
        return out;
    }

    static byte[] encodeShares(List<ShareInfo1> shares, int converter) {
        WireWriter w = new WireWriter();
        WireWriter strings = new WireWriter();
        int heap = shares.size() * ShareInfo1.SIZE;
        for (ShareInfo1 s : shares) {
            RapText.fixed(w, s.name(), 13);
            w.u8(0).u16le(s.type()).u32le(heap + strings.size() + converter);
            RapText.cstring(strings, s.remark());
        }
        return w.bytes(strings.toByteArray()).toByteArray();
    }

    static byte[] encodeServers(List<ServerInfo1> servers, int converter) {
        WireWriter w = new WireWriter();
        WireWriter strings = new WireWriter();
        int heap = servers.size() * ServerInfo1.SIZE;
        for (ServerInfo1 s : servers) {
            RapText.fixed(w, s.name(), 16);
            w.u8(s.majorVersion()).u8(s.minorVersion()).u32le(s.type().value())
                    .u32le(heap + strings.size() + converter);
            RapText.cstring(strings, s.comment());
        }
        return w.bytes(strings.toByteArray()).toByteArray();
    }
}
