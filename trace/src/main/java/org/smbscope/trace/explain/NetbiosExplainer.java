package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.PositiveSessionResponse;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.netbios.SessionRequest;

/** Sentences for NetBIOS name service (RFC 1002 4.2) and session service (RFC 1002 4.3) packets. */
final class NetbiosExplainer {
    private NetbiosExplainer() {
    }

    static List<String> name(NameServicePacket p) {
        List<String> out = new ArrayList<>();
        if (p.response() && p.rcode().isError()) {
            out.add("Negative answer: " + p.rcode().meaning() + ". No machine has registered this name"
                    + " (the server's NetBIOS is off, or it is on another subnet without WINS).");
        }
        p.nodeStatus().ifPresent(ns -> {
            out.add("Node status: the names this machine has registered:");
            for (NodeName n : ns.names()) {
                out.add("  " + n.name() + (n.group() ? " <GROUP> " : " ") + n.meaning());
            }
            boolean server = ns.names().stream().anyMatch(n -> !n.group() && n.name().suffix() == 0x20);
            out.add(server ? "The <20> name is there: the Server service (file sharing) is on."
                    : "No <20> name: file sharing over NetBIOS is not announced.");
        });
        return out;
    }

    static List<String> session(SessionPacket p) {
        List<String> out = new ArrayList<>();
        switch (p) {
            case SessionRequest r -> out.add("NetBIOS session request on port 139: the client calls " + r.called()
                    + " as " + r.calling() + ".");
            case PositiveSessionResponse r -> out.add("The server accepts the session: SMB follows on this connection.");
            case NegativeSessionResponse r -> out.add("The server refuses the session: " + r.error().meaning()
                    + (r.error().value() == 0x82 ? " (call it *SMBSERVER or by its NetBIOS name)" : "") + ".");
            default -> {
            }
        }
        return out;
    }
}
