package org.smbscope.codec.netbios;

import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/**
 * SESSION REQUEST, RFC 1002 4.3.2: the CALLED NAME (the server, usually its &lt;20&gt; name or
 * {@code *SMBSERVER<20>}) and the CALLING NAME (the client, usually its &lt;00&gt; name), each
 * second-level encoded without compression.
 */
public record SessionRequest(NetbiosName called, NetbiosName calling) implements SessionPacket {
    public SessionRequest {
        Objects.requireNonNull(called, "called");
        Objects.requireNonNull(calling, "calling");
    }

    @Override
    public SessionPacketType type() {
        return SessionPacketType.SESSION_REQUEST;
    }

    @Override
    public int bodyLength() {
        return called.encode().length + calling.encode().length;
    }

    @Override
    public void describeBody(Detail into) {
        into.field("Called name", called + " (" + NameMeaning.of(called) + ")");
        into.field("Calling name", calling + " (" + NameMeaning.of(calling) + ")");
    }
}
