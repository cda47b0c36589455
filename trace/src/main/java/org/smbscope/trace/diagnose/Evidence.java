package org.smbscope.trace.diagnose;

import java.time.Instant;
import org.smbscope.trace.explain.Message;

/**
 * Where a finding's proof is: a packet (its capture frame, or its index in a live stream) or a
 * probe, with what it shows.
 *
 * @param frame capture frame number, 0 for live traffic
 * @param index position in the exchange stream, 0 when not a message (a TCP probe)
 */
public record Evidence(long frame, long index, Instant time, String text) {
    public static Evidence of(Message m, String text) {
        return new Evidence(m.exchange().frame(), m.exchange().index(), m.exchange().time(), text);
    }

    /** "frame 12: ..." or "message 12: ..." or just the text. */
    public String render() {
        String where = frame > 0 ? "frame " + frame : index > 0 ? "message " + index : "";
        return where.isEmpty() ? text : where + " (" + time + "): " + text;
    }
}
