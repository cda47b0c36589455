package org.smbscope.server.smb2;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.smbscope.codec.wire.WireWriter;

/**
 * The output of FSCTL_QUERY_NETWORK_INTERFACE_INFO ([MS-SMB2] 2.2.32.5 NETWORK_INTERFACE_INFO): one entry,
 * the address the client connected to, with a 128-byte SOCKADDR_STORAGE (2.2.32.5.1).
 */
final class NetworkInterfaceInfo {
    static final long LINK_SPEED = 10_000_000_000L;

    private NetworkInterfaceInfo() {
    }

    static byte[] encode(InetAddress local) {
        WireWriter w = new WireWriter(152);
        w.u32le(0).u32le(1).u32le(0).u32le(0).u64le(LINK_SPEED);
        int start = w.size();
        if (local instanceof Inet6Address v6) {
            w.u16le(0x17).u16be(0).u32le(0).bytes(v6.getAddress()).u32le(v6.getScopeId());
        } else {
            byte[] a = local == null ? new byte[] {127, 0, 0, 1} : local.getAddress();
            w.u16le(0x02).u16be(0).bytes(a).zeros(8);
        }
        w.zeros(128 - (w.size() - start));
        return w.toByteArray();
    }
}
