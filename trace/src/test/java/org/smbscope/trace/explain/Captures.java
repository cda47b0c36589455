package org.smbscope.trace.explain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.event.CaptureExchanges;
import org.smbscope.trace.event.Exchange;

/** Reads a reference capture from the test resources. */
public final class Captures {
    private Captures() {
    }

    public static List<Exchange> exchanges(String name) throws Exception {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name);
             CaptureExchanges x = new CaptureExchanges(CaptureReader.open(in), CaptureExchanges.Limits.DEFAULT)) {
            List<Exchange> out = new ArrayList<>();
            for (Exchange e; (e = x.next()) != null; ) {
                out.add(e);
            }
            return out;
        }
    }

    public static List<Message> messages(String name) throws Exception {
        return MessageDecoder.decodeAll(exchanges(name));
    }
}
