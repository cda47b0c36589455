package org.smbscope.codec.netbios.browse;

import java.util.Arrays;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/** A browser message this decoder does not model (GetBackupList, ResetState, unknown opcodes): kept as bytes. */
public record UnknownBrowserMessage(int opcode, byte[] body) implements BrowserMessage {
    public UnknownBrowserMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public Detail detail() {
        return Detail.of("Microsoft Windows Browser Protocol")
                .field("Command", BrowserMessage.opcodeName(opcode) + String.format(" (0x%02x)", opcode))
                .field("Data", Hex.format(body));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownBrowserMessage u && opcode == u.opcode && Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return opcode * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownBrowserMessage[opcode=" + opcode + ", body=" + Hex.format(body) + "]";
    }
}
