package org.smbscope.codec.smb1;

import java.util.Arrays;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_ECHO request (EchoCount) or response (SequenceNumber), with the echoed data. [MS-CIFS] 2.2.4.39.
 */
public record EchoMessage(boolean isResponse, int countOrSequence, byte[] data) implements Smb1Message {
    public EchoMessage {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.ECHO;
    }

    static EchoMessage decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 1) {
            throw p.failAt("WordCount", b.offset(), "ECHO WordCount " + b.wordCount() + ", expected 1");
        }
        return new EchoMessage(h.isReply(), p.u16le(h.isReply() ? "SequenceNumber" : "EchoCount"), b.data());
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command(), new WireWriter().u16le(countOrSequence).toByteArray(), data, offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Echo " + (isResponse ? "Response" : "Request"))
                .field(isResponse ? "Sequence Number" : "Echo Count", countOrSequence).field("Echo Data", data.length + " bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EchoMessage e && isResponse == e.isResponse && countOrSequence == e.countOrSequence
                && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return countOrSequence + Arrays.hashCode(data);
    }
}
