package org.smbscope.trace.capture;

import java.net.InetAddress;

/** An address and port of one side of a conversation. */
public record Endpoint(InetAddress address, int port) {
    @Override
    public String toString() {
        String a = address.getHostAddress();
        return (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
    }
}
