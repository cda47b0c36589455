package org.smbscope.cli.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smbscope.trace.diagnose.Evidence;
import org.smbscope.trace.diagnose.Finding;
import org.smbscope.trace.explain.Explanation;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Narrative;

/** The {@code --json} document of {@code analyze} and {@code doctor}: steps, exchanges, findings. */
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> of(Map<String, Object> head, Narrative narrative, List<Finding> findings) {
        Map<String, Object> doc = new LinkedHashMap<>(head);
        Map<String, Integer> steps = new LinkedHashMap<>();
        List<Map<String, Object>> exchanges = new ArrayList<>();
        for (Explanation x : narrative.explanations()) {
            Message m = x.message();
            steps.merge(x.step().label(), 1, Integer::sum);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", m.exchange().index());
            if (m.exchange().frame() > 0) {
                e.put("frame", m.exchange().frame());
            }
            e.put("part", m.part());
            e.put("time", m.exchange().time().toString());
            e.put("client", m.exchange().client().toString());
            e.put("server", m.exchange().server().toString());
            e.put("direction", m.exchange().direction().arrow());
            e.put("layer", m.exchange().layer().name());
            e.put("step", x.step().label());
            e.put("summary", m.summary());
            m.status().ifPresent(s -> e.put("status", s.sambaName()));
            e.put("explanation", x.lines());
            exchanges.add(e);
        }
        List<Map<String, Object>> steps2 = new ArrayList<>();
        steps.forEach((k, v) -> steps2.add(Map.of("step", k, "messages", v)));
        doc.put("steps", steps2);
        doc.put("exchanges", exchanges);
        doc.put("findings", findings.stream().map(ReportJson::finding).toList());
        return doc;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().name());
        m.put("title", f.title());
        m.put("cause", f.cause());
        m.put("userSees", f.userSees());
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            Map<String, Object> x = new LinkedHashMap<>();
            if (e.frame() > 0) {
                x.put("frame", e.frame());
            }
            if (e.index() > 0) {
                x.put("index", e.index());
            }
            x.put("time", e.time().toString());
            x.put("text", e.text());
            ev.add(x);
        }
        m.put("evidence", ev);
        m.put("fix", Map.of("windowsPolicy", f.fix().windowsPolicy(), "registry", f.fix().registry(),
                "smbConf", f.fix().smbConf()));
        return m;
    }
}
