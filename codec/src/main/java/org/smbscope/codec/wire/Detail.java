package org.smbscope.codec.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A message rendered the way Wireshark's detail pane shows it: a titled node with
 * "Name: value" lines and child nodes. Built by {@link Described#detail()} implementations,
 * rendered as indented text by {@link #render()}; the explainer and the tests use the text.
 */
public final class Detail {
    private final String title;
    private final List<Object> lines = new ArrayList<>(); // String or Detail

    private Detail(String title) {
        this.title = title;
    }

    public static Detail of(String title) {
        return new Detail(title);
    }

    public Detail field(String name, Object value) {
        lines.add(name + ": " + value);
        return this;
    }

    public Detail line(String text) {
        lines.add(text);
        return this;
    }

    public Detail child(Detail child) {
        lines.add(child);
        return this;
    }

    public String title() {
        return title;
    }

    /** Indented text, two spaces per level, ending with a newline. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        render(sb, 0);
        return sb.toString();
    }

    private void render(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(title).append('\n');
        for (Object o : lines) {
            if (o instanceof Detail d) {
                d.render(sb, depth + 1);
            } else {
                sb.append("  ".repeat(depth + 1)).append(o).append('\n');
            }
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
