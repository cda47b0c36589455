package org.smbscope.trace.report;

import java.util.List;
import java.util.Objects;
import org.smbscope.trace.diagnose.Evidence;
import org.smbscope.trace.diagnose.Finding;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.explain.Explanation;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Narrative;

/**
 * A self-contained HTML page (no scripts, no external files): the findings, then per conversation
 * a ladder diagram, client on the left and server on the right, one arrow per message; each arrow
 * opens (a {@code <details>} element) to the explanation and the decoded message's detail tree.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(String title, Narrative narrative, List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}\n")
                .append(".f{border-left:6px solid #999;padding:.3em 1em;margin:1em 0;background:#fafafa}\n")
                .append(".ERROR{border-color:#c00}.WARNING{border-color:#e90}.INFO{border-color:#369}\n")
                .append(".ladder{display:grid;grid-template-columns:12em 1fr 12em;column-gap:0}\n")
                .append(".host{font-weight:bold;text-align:center;border-bottom:2px solid #333}\n")
                .append(".lane{border-left:2px solid #333;border-right:2px solid #333;padding:.1em .5em}\n")
                .append(".step{grid-column:1/4;margin-top:.6em;color:#555;font-size:.9em;text-transform:uppercase}\n")
                .append("summary{cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n")
                .append(".c2s summary::after{content:' \\2192'}.s2c summary::before{content:'\\2190 '}\n")
                .append(".s2c summary{text-align:right}.err summary{color:#c00}\n")
                .append("pre{font-size:.8em;background:#f4f4f4;padding:.5em;overflow:auto}\n")
                .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n<h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            sb.append("<p>None: nothing in this exchange explains a failure.</p>\n");
        }
        for (Finding f : findings) {
            sb.append("<div class=\"f ").append(f.severity()).append("\"><h3>").append(f.severity()).append(": ")
                    .append(esc(f.title())).append("</h3><p>").append(esc(f.cause())).append("</p>");
            if (!f.userSees().isEmpty()) {
                sb.append("<p><b>The user sees:</b> ").append(esc(f.userSees())).append("</p>");
            }
            sb.append("<ul>");
            for (Evidence e : f.evidence()) {
                sb.append("<li>").append(esc(e.render())).append("</li>");
            }
            sb.append("</ul><p>");
            String sep = "";
            for (String[] fix : new String[][] {{"Windows policy", f.fix().windowsPolicy()},
                {"Registry", f.fix().registry()}, {"smb.conf", f.fix().smbConf()}}) {
                if (fix[1] != null && !fix[1].isBlank()) { // a fix with nothing to say in one place says nothing there
                    sb.append(sep).append("<b>").append(fix[0]).append(":</b> ").append(esc(fix[1]));
                    sep = "<br>";
                }
            }
            sb.append("</p></div>\n");
        }
        String conv = null;
        Object step = null;
        for (Explanation x : narrative.explanations()) {
            Message m = x.message();
            String c = m.exchange().client() + " -> " + m.exchange().server();
            if (!Objects.equals(c, conv)) {
                sb.append(conv == null ? "" : "</div>\n").append("<h2>").append(esc(c)).append("</h2>\n<div class=\"ladder\">")
                        .append("<div class=\"host\">").append(esc(m.exchange().client().toString()))
                        .append("</div><div></div><div class=\"host\">").append(esc(m.exchange().server().toString()))
                        .append("</div>\n");
                conv = c;
                step = null;
            }
            if (x.step() != step) {
                sb.append("<div class=\"step\">").append(esc(x.step().label())).append("</div>\n");
                step = x.step();
            }
            boolean c2s = m.exchange().direction() == Direction.CLIENT_TO_SERVER;
            sb.append("<div class=\"lane\" style=\"grid-column:1/4\"><details class=\"").append(c2s ? "c2s" : "s2c")
                    .append(m.failed() ? " err" : "").append("\"><summary>").append(esc(m.where())).append(" ")
                    .append(esc(m.summary())).append("</summary>");
            if (!x.lines().isEmpty()) {
                sb.append("<ul>");
                x.lines().forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
                sb.append("</ul>");
            }
            sb.append("<pre>").append(esc(m.detail().render())).append("</pre></details></div>\n");
        }
        if (conv != null) {
            sb.append("</div>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
