package org.smbscope.cli.smbclient;

import java.io.PrintWriter;
import java.time.Instant;

import org.smbscope.client.WireTap;
import org.smbscope.codec.wire.Described;

/** {@code --trace}: each message with time, direction, size and its decoded tree. */
final class TraceTap implements WireTap {
    private final PrintWriter err;

    TraceTap(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void frame(Direction direction, Instant at, byte[] frame, Object decoded) {
        String arrow = direction == Direction.SENT ? "-->" : "<--";
        err.println(at + " " + arrow + " " + frame.length + " bytes");
        if (decoded instanceof Described d) {
            d.detail().render().lines().forEach(l -> err.println("    " + l));
        } else if (decoded != null) {
            err.println("    " + decoded);
        }
        err.flush();
    }
}
