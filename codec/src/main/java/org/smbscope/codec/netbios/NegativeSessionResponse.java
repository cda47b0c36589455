package org.smbscope.codec.netbios;

import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/** NEGATIVE SESSION RESPONSE, RFC 1002 4.3.4: one ERROR_CODE byte. */
public record NegativeSessionResponse(SessionError error) implements SessionPacket {
    public NegativeSessionResponse {
        Objects.requireNonNull(error, "error");
    }

    @Override
    public SessionPacketType type() {
        return SessionPacketType.NEGATIVE_RESPONSE;
    }

    @Override
    public int bodyLength() {
        return 1;
    }

    @Override
    public void describeBody(Detail into) {
        into.field("Error code", error.meaning() + String.format(" (0x%02x)", error.value()));
    }
}
