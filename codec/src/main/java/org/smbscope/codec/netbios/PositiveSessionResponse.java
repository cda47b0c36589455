package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.Detail;

/** POSITIVE SESSION RESPONSE, RFC 1002 4.3.3: no body. */
public record PositiveSessionResponse() implements SessionPacket {
    @Override
    public SessionPacketType type() {
        return SessionPacketType.POSITIVE_RESPONSE;
    }

    @Override
    public int bodyLength() {
        return 0;
    }

    @Override
    public void describeBody(Detail into) {
    }
}
