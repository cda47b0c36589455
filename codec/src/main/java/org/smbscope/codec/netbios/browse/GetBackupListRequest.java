package org.smbscope.codec.netbios.browse;

import org.smbscope.codec.wire.Detail;

/**
 * GetBackupListRequest (opcode 9), [MS-BRWS] 2.2.4: a client asks the local master browser
 * (WORKGROUP&lt;1D&gt;) for up to {@code requestedCount} backup browsers; {@code token} is echoed in the response.
 */
public record GetBackupListRequest(int requestedCount, long token) implements BrowserMessage {
    public GetBackupListRequest {
        if (requestedCount < 0 || requestedCount > 0xFF) {
            throw new IllegalArgumentException("requested count must be 0..255: " + requestedCount);
        }
        token &= 0xFFFF_FFFFL;
    }

    @Override
    public int opcode() {
        return 9;
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", "Get Backup List Request (0x09)")
                .field("Backup List Requested Count", requestedCount)
                .field("Backup Request Token", token);
    }
}
