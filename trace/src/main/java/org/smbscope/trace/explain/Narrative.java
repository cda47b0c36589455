package org.smbscope.trace.explain;

import java.util.List;
import java.util.Objects;
import org.smbscope.trace.event.Direction;

/** The explained messages of a stream, in order, and their rendering as text. */
public record Narrative(List<Explanation> explanations) {
    public Narrative {
        explanations = List.copyOf(explanations);
    }

    /**
     * The text report: one heading per conversation and step as they change, then each message
     * as "frame 5  -> SMB2 NEGOTIATE request" with its sentences indented below.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String conversation = null;
        Step step = null;
        for (Explanation x : explanations) {
            Message m = x.message();
            String conv = m.exchange().client() + " -> " + m.exchange().server();
            if (!Objects.equals(conv, conversation)) {
                sb.append(sb.isEmpty() ? "" : "\n").append("Conversation ").append(conv).append('\n');
                conversation = conv;
                step = null;
            }
            if (x.step() != step) {
                sb.append("  ").append(x.step().label()).append('\n');
                step = x.step();
            }
            String arrow = m.exchange().direction() == Direction.CLIENT_TO_SERVER ? "->" : "<-";
            sb.append(String.format("    %-11s %s %s%n", m.where(), arrow, m.summary()));
            for (String line : x.lines()) {
                sb.append("                  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
