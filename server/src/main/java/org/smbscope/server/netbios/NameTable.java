package org.smbscope.server.netbios;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.smbscope.codec.netbios.NameState;
import org.smbscope.codec.netbios.NameSuffix;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.NodeType;

/**
 * The names one host owns, in the order node status lists them (RFC 1001 15.1.4; the set a
 * Windows or Samba file server registers): NAME&lt;00&gt;, NAME&lt;03&gt;, NAME&lt;20&gt; unique,
 * WORKGROUP&lt;00&gt;, WORKGROUP&lt;1E&gt; group. Immutable.
 */
record NameTable(List<NodeName> names) {
    NameTable {
        names = List.copyOf(names);
    }

    static NameTable of(NameServiceConfig config) {
        NodeType t = config.nodeType();
        Set<NameState> active = Set.of(NameState.ACTIVE);
        return new NameTable(List.of(
                new NodeName(NetbiosName.of(config.name(), NameSuffix.WORKSTATION.value()), false, t, active),
                new NodeName(NetbiosName.of(config.name(), NameSuffix.MESSENGER.value()), false, t, active),
                new NodeName(NetbiosName.of(config.name(), NameSuffix.FILE_SERVER.value()), false, t, active),
                new NodeName(NetbiosName.of(config.workgroup(), NameSuffix.WORKSTATION.value()), true, t, active),
                new NodeName(NetbiosName.of(config.workgroup(), NameSuffix.BROWSER_ELECTIONS.value()), true, t, active)));
    }

    /** The entry for a name as asked on the wire: case-insensitive, same suffix, same scope. */
    Optional<NodeName> find(NetbiosName asked) {
        String n = asked.name().toUpperCase(Locale.ROOT);
        return names.stream()
                .filter(e -> e.name().name().equals(n) && e.name().suffix() == asked.suffix()
                        && e.name().scope().equalsIgnoreCase(asked.scope()))
                .findFirst();
    }
}
