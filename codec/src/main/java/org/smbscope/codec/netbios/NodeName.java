package org.smbscope.codec.netbios;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a node status response's name table: the 16 raw name bytes (no scope) and
 * NAME_FLAGS (group bit, owner node type, DRG/CNF/ACT/PRM), RFC 1002 4.2.18. Reserved flag bits
 * are not kept.
 */
public record NodeName(NetbiosName name, boolean group, NodeType nodeType, Set<NameState> states) {
    public NodeName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nodeType, "nodeType");
        states = immutableStates(states);
    }

    /** An active unique name of an H-node. */
    public static NodeName unique(NetbiosName name) {
        return new NodeName(name, false, NodeType.H_NODE, Set.of(NameState.ACTIVE));
    }

    /** An active group name of an H-node. */
    public static NodeName group(NetbiosName name) {
        return new NodeName(name, true, NodeType.H_NODE, Set.of(NameState.ACTIVE));
    }

    static Set<NameState> immutableStates(Collection<NameState> states) {
        EnumSet<NameState> copy = EnumSet.noneOf(NameState.class);
        copy.addAll(states);
        return Collections.unmodifiableSet(copy);
    }

    /** The 16-bit NAME_FLAGS word. */
    public int flags() {
        int f = (group ? 0x8000 : 0) | (nodeType.code() << 13);
        for (NameState s : states) {
            f |= s.mask();
        }
        return f;
    }

    static NodeName fromFlags(NetbiosName name, int flags) {
        EnumSet<NameState> states = EnumSet.noneOf(NameState.class);
        for (NameState s : NameState.values()) {
            if ((flags & s.mask()) != 0) {
                states.add(s);
            }
        }
        return new NodeName(name, (flags & 0x8000) != 0, NodeType.of(flags >> 13), states);
    }

    /** What the name means in a name table: "File Server Service", "Domain/Workgroup Name", ... */
    public String meaning() {
        return NameMeaning.of(name, group);
    }

    /**
     * One line as Samba's nmblookup -A / -S prints it (after its tab), as in
     * shared/captures/g_nmblookup.txt: {@code "LAB10           <20> -         H <ACTIVE> "} and
     * {@code "LABGRP          <00> - <GROUP> H <ACTIVE> "}.
     */
    public String nmblookupLine() {
        StringBuilder sb = new StringBuilder();
        String shown = name.isMsBrowse() ? "..__MSBROWSE__." : name.name();
        sb.append(String.format(java.util.Locale.ROOT, "%-15s <%02x> - %s %s ", shown, name.suffix(),
                group ? "<GROUP>" : "       ", nodeType.letter()));
        for (NameState s : states) {
            sb.append(s.display()).append(' ');
        }
        return sb.toString();
    }
}
