package org.smbscope.codec.smb1;

import java.util.Arrays;

import java.util.HexFormat;
import org.smbscope.codec.wire.Detail;

/** A command this codec does not (yet) model: its parameter words and data kept opaque. [MS-CIFS] 2.2.3. */
public record Smb1RawMessage(Smb1Command command, boolean isResponse, byte[] words, byte[] data) implements Smb1Message {
    public Smb1RawMessage {
        words = words.clone();
        data = data.clone();
    }

    @Override
    public byte[] words() {
        return words.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command, words, data, offset);
    }

    @Override
    public Detail detail() {
        return Detail.of(command.name() + (isResponse ? " Response" : " Request"))
                .field("Word Count (WCT)", words.length / 2)
                .field("Parameters", HexFormat.of().formatHex(words))
                .field("Byte Count (BCC)", data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb1RawMessage r && command.equals(r.command) && isResponse == r.isResponse
                && Arrays.equals(words, r.words) && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + Arrays.hashCode(words) + Arrays.hashCode(data);
    }
}
