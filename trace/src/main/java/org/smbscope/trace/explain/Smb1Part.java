package org.smbscope.trace.explain;

import java.util.Objects;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;

/**
 * One command block of an SMB1 message with the header it came under ([MS-CIFS] 2.2.3): an AndX
 * chain becomes one part per block, each explained on its own.
 */
public record Smb1Part(Smb1Header header, Smb1Message message) implements Described {
    public Smb1Part {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("SMB (Server Message Block Protocol)");
        d.child(header.detail());
        d.child(message.detail());
        return d;
    }
}
