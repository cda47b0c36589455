package org.smbscope.cli.netbios;

import org.smbscope.codec.netbios.NodeName;

/** The nmblookup line format for commands outside this package (the demo). */
public final class NetbiosTextBridge {
    private NetbiosTextBridge() {
    }

    public static String line(NodeName n) {
        return NetbiosText.nmblookupLine(n);
    }
}
