package org.smbscope.codec.netbios;

import java.util.Arrays;
import org.smbscope.codec.wire.Detail;

/** SESSION MESSAGE, RFC 1002 4.3.6: user data (an SMB message), at most 131071 bytes. */
public record SessionMessage(byte[] payload) implements SessionPacket {
    public SessionMessage {
        if (payload.length > SessionFrameHeader.MAX_LENGTH) {
            throw new IllegalArgumentException("session message longer than 131071 bytes");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    @Override
    public SessionPacketType type() {
        return SessionPacketType.SESSION_MESSAGE;
    }

    @Override
    public int bodyLength() {
        return payload.length;
    }

    @Override
    public void describeBody(Detail into) {
        // the payload belongs to the next protocol (SMB)
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionMessage m && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "SessionMessage[" + payload.length + " bytes]";
    }
}
