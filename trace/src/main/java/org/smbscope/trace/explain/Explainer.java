package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.Smb2TransformHeader;
import org.smbscope.trace.event.Exchange;

/**
 * The one explainer: turns decoded messages into a {@link Narrative}, each message in plain words
 * under its step (name, transport, negotiate, authentication, tree connect, files). The same
 * explainer serves the doctor's live exchanges and a capture's.
 */
public final class Explainer {
    private Explainer() {
    }

    public static Narrative explain(List<Message> messages) {
        Map<String, List<String>> smb1Dialects = new HashMap<>();
        List<Explanation> out = new ArrayList<>();
        for (Message m : messages) {
            String conv = m.exchange().client() + ">" + m.exchange().server();
            out.add(switch (m.decoded()) {
                case Smb2Packet p -> new Explanation(m, Smb2Explainer.step(p), Smb2Explainer.explain(m, p));
                case Smb1Part p -> {
                    if (p.message() instanceof NegotiateRequest r) {
                        smb1Dialects.put(conv, r.dialects());
                    }
                    yield new Explanation(m, Smb1Explainer.step(p),
                            Smb1Explainer.explain(m, p, smb1Dialects.getOrDefault(conv, List.of())));
                }
                case NameServicePacket p -> new Explanation(m, Step.NAME, NetbiosExplainer.name(p));
                case SessionPacket p -> new Explanation(m, Step.TRANSPORT, NetbiosExplainer.session(p));
                case KerberosMessage k -> new Explanation(m, Step.AUTHENTICATION, KerberosExplainer.explain(k));
                case Smb2TransformHeader t -> new Explanation(m, Step.FILES,
                        List.of("Encrypted: only the session key opens it."));
                case org.smbscope.trace.event.CaptureGap g -> new Explanation(m, Step.TRANSPORT, List.of(
                        "The capture lost these packets: whatever messages they carried are not guessed; reading"
                                + " goes on at the next message that starts after them."));
                default -> new Explanation(m, m.exchange().layer() == org.smbscope.trace.event.Layer.NBDS ? Step.NAME
                        : Step.FILES, List.of());
            });
        }
        return new Narrative(out);
    }

    /** Decodes and explains exchanges in one call. */
    public static Narrative explainExchanges(List<Exchange> exchanges) {
        return explain(MessageDecoder.decodeAll(exchanges));
    }
}
