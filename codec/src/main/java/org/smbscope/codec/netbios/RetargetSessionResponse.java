package org.smbscope.codec.netbios;

import java.net.Inet4Address;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/** SESSION RETARGET RESPONSE, RFC 1002 4.3.5: connect again to this IPv4 address and port. */
public record RetargetSessionResponse(Inet4Address address, int port) implements SessionPacket {
    public RetargetSessionResponse {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 16 bits");
        }
    }

    @Override
    public SessionPacketType type() {
        return SessionPacketType.RETARGET_RESPONSE;
    }

    @Override
    public int bodyLength() {
        return 6;
    }

    @Override
    public void describeBody(Detail into) {
        into.field("Retarget IP address", address.getHostAddress());
        into.field("Retarget port", port);
    }
}
