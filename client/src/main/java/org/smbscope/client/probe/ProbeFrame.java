package org.smbscope.client.probe;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a probe sent or received. For TCP, {@code bytes} is the message after the 4-byte
 * session header, except NetBIOS session control packets (request, responses), which keep their
 * header; for UDP it is the datagram.
 *
 * @param control a NetBIOS session control packet (type other than session message)
 */
public record ProbeFrame(boolean sent, Instant time, byte[] bytes, boolean control) {
    public ProbeFrame {
        Objects.requireNonNull(time, "time");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
