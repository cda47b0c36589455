package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;

/**
 * A NetBIOS session service packet (TCP 139), RFC 1002 4.3: session request, positive, negative
 * and retarget responses, keep-alive, and the session message that carries SMB. Encode and
 * decode with {@link SessionFrameCodec}.
 */
public sealed interface SessionPacket extends Described permits SessionMessage, SessionRequest,
        PositiveSessionResponse, NegativeSessionResponse, RetargetSessionResponse, SessionKeepAlive,
        UnknownSessionPacket {

    SessionPacketType type();

    /** Adds the packet-specific lines after the header lines. */
    void describeBody(Detail into);

    /** Length of the body after the 4-byte header. */
    int bodyLength();

    @Override
    default Detail detail() {
        Detail d = Detail.of("NetBIOS Session Service")
                .field("Message Type", type().description() + String.format(" (0x%02x)", type().value()))
                .field("Flags", String.format("0x%02x", bodyLength() > 0xFFFF ? 1 : 0))
                .field("Length", bodyLength());
        describeBody(d);
        return d;
    }
}
