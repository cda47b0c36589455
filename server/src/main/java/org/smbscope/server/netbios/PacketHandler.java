package org.smbscope.server.netbios;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.smbscope.codec.wire.DecodeException;

/** Turns one received datagram into the reply to send back to its sender, if any. */
@FunctionalInterface
interface PacketHandler {
    Optional<byte[]> handle(byte[] packet, InetSocketAddress sender) throws DecodeException;
}
