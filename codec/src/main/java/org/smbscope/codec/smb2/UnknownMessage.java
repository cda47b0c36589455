package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** A message whose command this codec does not know: the body bytes, kept as they are. */
public record UnknownMessage(Smb2Command command, byte[] body) implements Smb2Request, Smb2Response {
    public UnknownMessage {
        Objects.requireNonNull(command);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.bytes(body);
    }

    @Override
    public Detail detail() {
        return Detail.of("Unknown command " + command.name()).field("Body", Bits.preview(body));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage x && command.equals(x.command) && Arrays.equals(body, x.body);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownMessage[" + command + ", " + body.length + " bytes]";
    }
}
