package org.smbscope.codec.netbios;

import java.util.Arrays;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/** A session service packet of a type RFC 1002 does not define; the body is kept as bytes. */
public record UnknownSessionPacket(SessionPacketType type, byte[] body) implements SessionPacket {
    public UnknownSessionPacket {
        if (body.length > SessionFrameHeader.MAX_LENGTH) {
            throw new IllegalArgumentException("body longer than 131071 bytes");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    @Override
    public void describeBody(Detail into) {
        if (body.length > 0) {
            into.field("Data", body.length <= 64 ? Hex.format(body) : body.length + " bytes");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownSessionPacket u && type.equals(u.type) && Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownSessionPacket[type=" + type + ", body=" + Hex.format(body) + "]";
    }
}
