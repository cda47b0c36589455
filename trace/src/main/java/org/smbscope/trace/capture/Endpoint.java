package org.smbscope.trace.capture;

import java.net.InetAddress;

/** An address and port of one side of a conversation. */
public record Endpoint(InetAddress address, int port) {
    // equals and hashCode written out: the generated ones go through method handles, slow until compiled, and
    // reassembly looks conversations up once per segment; the hash is the generated one (map orders stay)
    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && port == e.port && address.equals(e.address);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + port;
    }

    @Override
    public String toString() {
        String a = address.getHostAddress();
        return (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
    }
}
