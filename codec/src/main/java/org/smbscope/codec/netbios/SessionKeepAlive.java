package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.Detail;

/** SESSION KEEP ALIVE, RFC 1002 4.3.7: no body; the receiver ignores it. */
public record SessionKeepAlive() implements SessionPacket {
    @Override
    public SessionPacketType type() {
        return SessionPacketType.KEEP_ALIVE;
    }

    @Override
    public int bodyLength() {
        return 0;
    }

    @Override
    public void describeBody(Detail into) {
    }
}
