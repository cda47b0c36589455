package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Detail;

/** RequestElection (opcode 8), [MS-BRWS] 2.2.6: version, election criteria, uptime, sender name. */
public record RequestElection(int version, long criteria, long uptimeMs, String serverName) implements BrowserMessage {
    @Override
    public int opcode() {
        return 8;
    }

    /** The operating system byte of the criteria (most significant byte). */
    public int osCriteria() {
        return (int) (criteria >>> 24) & 0xFF;
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", "Request Election (0x08)")
                .field("Election Version", version)
                .field("Election Criteria", String.format("0x%08x", criteria))
                .field("Uptime", uptimeMs + " ms")
                .field("Election Server Name", serverName);
    }
}
