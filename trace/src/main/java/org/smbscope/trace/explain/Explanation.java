package org.smbscope.trace.explain;

import java.util.List;
import java.util.Objects;

/**
 * One message in plain words: the step it belongs to and sentences saying what it means.
 *
 * @param lines sentences, most important first; may be empty for routine messages
 */
public record Explanation(Message message, Step step, List<String> lines) {
    public Explanation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(step, "step");
        lines = List.copyOf(lines);
    }
}
