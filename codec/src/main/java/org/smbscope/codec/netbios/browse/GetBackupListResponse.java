package org.smbscope.codec.netbios.browse;

import java.util.List;
import org.smbscope.codec.wire.Detail;

/**
 * GetBackupListResponse (opcode 10), [MS-BRWS] 2.2.5: the local master browser's answer, sent to the
 * requester's name: the request's token and the names of the backup browsers (the count byte is the
 * list's size).
 */
public record GetBackupListResponse(long token, List<String> backupServers) implements BrowserMessage {
    public GetBackupListResponse {
        token &= 0xFFFF_FFFFL;
        backupServers = List.copyOf(backupServers);
        if (backupServers.size() > 0xFF) {
            throw new IllegalArgumentException("at most 255 backup servers: " + backupServers.size());
        }
    }

    @Override
    public int opcode() {
        return 10;
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", "Get Backup List Response (0x0a)")
                .field("Backup Server Count", backupServers.size())
                .field("Backup Response Token", token);
        backupServers.forEach(s -> d.field("Backup Server", s));
        return d;
    }
}
