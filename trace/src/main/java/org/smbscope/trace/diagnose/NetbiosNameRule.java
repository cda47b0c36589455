package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.trace.explain.Message;

/**
 * NetBIOS name not registered. Evidence: negative NBNS name query responses (RCODE NAM_ERR) and
 * negative NetBIOS session responses (called name not present).
 */
final class NetbiosNameRule implements Rule {
    static final Fix FIX = new Fix(
            "Use the DNS name or address; or enable NetBIOS over TCP/IP on the server (adapter > IPv4 > Advanced >"
                    + " WINS > Enable NetBIOS over TCP/IP) and register in WINS across subnets",
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_{GUID} NetbiosOptions=1",
            "run nmbd; netbios name = NAME (and netbios aliases), wins server = ... across subnets;"
                    + " disable netbios = no");

    @Override
    public String name() {
        return "netbios-name";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (Message m : o.messages()) {
            if (m.decoded() instanceof NameServicePacket p && p.response() && p.rcode().isError()) {
                String name = !p.questions().isEmpty() ? p.questions().get(0).name().toString()
                        : !p.answers().isEmpty() ? p.answers().get(0).name().toString() : "asked for";
                out.add(new Finding(name(), Severity.ERROR, "The NetBIOS name " + name + " is not registered",
                        "The name server answered negatively (" + p.rcode().meaning() + "): no machine holds this"
                                + " name, NetBIOS is off on the server, or the server is on another subnet without WINS.",
                        "System error 53 has occurred. The network path was not found.",
                        List.of(Evidence.of(m, p.summary())), FIX));
            } else if (m.decoded() instanceof NegativeSessionResponse r) {
                out.add(new Finding(name(), Severity.ERROR, "The server refused the NetBIOS session: "
                        + r.error().meaning(), "On port 139 the client must call a name the server has registered"
                        + " (or *SMBSERVER); this one is not.", "System error 53 has occurred.",
                        List.of(Evidence.of(m, m.summary())), FIX));
            }
        }
        return out;
    }
}
