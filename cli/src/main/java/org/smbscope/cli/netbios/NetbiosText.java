package org.smbscope.cli.netbios;

import java.util.List;
import java.util.Locale;
import org.smbscope.client.netbios.NodeStatusResult;
import org.smbscope.codec.netbios.NameState;
import org.smbscope.codec.netbios.NodeName;

/**
 * Text the way Samba's nmblookup and Windows' nbtstat print NetBIOS names, each line annotated
 * with what the name means ("File Server Service": file sharing is on).
 */
public final class NetbiosText {
    private NetbiosText() {
    }

    /** The name as nmblookup shows it: 15 characters, {@code ..__MSBROWSE__.} for the browse name. */
    static String shownName(NodeName n) {
        return n.name().isMsBrowse() ? "..__MSBROWSE__." : n.name().name();
    }

    /**
     * One nmblookup -A line: {@code \tLAB10           <20> -         H <ACTIVE> } followed by the
     * meaning.
     */
    public static String nmblookupLine(NodeName n) {
        return String.format(Locale.ROOT, "%-50s %s", "\t" + n.nmblookupLine(), n.meaning());
    }

    /** nmblookup's node status block, including the MAC line and the blank lines around it. */
    static String nmblookupStatus(NodeStatusResult r) {
        StringBuilder sb = new StringBuilder();
        for (NodeName n : r.names()) {
            sb.append(nmblookupLine(n)).append('\n');
        }
        sb.append('\n').append("\tMAC Address = ").append(mac(r)).append('\n');
        return sb.toString();
    }

    /** nbtstat's "NetBIOS Remote Machine Name Table". */
    static String nbtstatTable(String address, NodeStatusResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append("Node IpAddress: [").append(address).append("] Scope Id: []\n\n");
        sb.append("           NetBIOS Remote Machine Name Table\n\n");
        sb.append("       Name               Type         Status\n");
        sb.append("    ---------------------------------------------\n");
        for (NodeName n : r.names()) {
            String status = n.states().contains(NameState.CONFLICT) ? "Conflict"
                    : n.states().contains(NameState.DEREGISTERING) ? "Deregistering" : "Registered";
            sb.append(String.format(Locale.ROOT, "    %-15s<%02X>  %-10s  %-12s %s%n", shownName(n), n.name().suffix(),
                    n.group() ? "GROUP" : "UNIQUE", status, n.meaning()));
        }
        sb.append('\n').append("    MAC Address = ").append(mac(r)).append('\n');
        return sb.toString();
    }

    static String mac(NodeStatusResult r) {
        byte[] b = r.mac().bytes();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? "" : "-").append(String.format(Locale.ROOT, "%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }

    /** JSON shape of one name. */
    record JsonName(String name, String suffix, boolean group, String nodeType, List<String> states, String meaning) {
        static JsonName of(NodeName n) {
            return new JsonName(n.name().name(), String.format(Locale.ROOT, "%02x", n.name().suffix()), n.group(),
                    n.nodeType().letter(), n.states().stream().map(Enum::name).toList(), n.meaning());
        }
    }

    /** JSON shape of a node status answer. */
    record JsonStatus(String address, List<JsonName> names, String mac) {
        static JsonStatus of(String address, NodeStatusResult r) {
            return new JsonStatus(address, r.names().stream().map(JsonName::of).toList(), NetbiosText.mac(r));
        }
    }
}
