package org.smbscope.client.netbios;

import java.net.InetSocketAddress;

/** One received UDP datagram: its payload and who sent it. */
record Datagram(byte[] payload, InetSocketAddress sender) {
}
