package org.smbscope.codec.netbios;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 address conversion without any name lookup. */
final class Ipv4 {
    private Ipv4() {
    }

    static Inet4Address of(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("IPv4 address needs 4 bytes", e);
        }
    }

    static Inet4Address of(long value) {
        return of(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    static long toLong(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((long) (b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    static Inet4Address zero() {
        return of(new byte[4]);
    }
}
