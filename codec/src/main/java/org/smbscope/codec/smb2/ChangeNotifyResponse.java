package org.smbscope.codec.smb2;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.36 SMB2 CHANGE_NOTIFY Response: the output buffer, to be read with the matching [MS-FSCC] decoder. */
public record ChangeNotifyResponse(byte[] output) implements Smb2Response {
    static final int STRUCTURE_SIZE = OutputBufferBody.STRUCTURE_SIZE;

    public ChangeNotifyResponse {
        output = output.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.CHANGE_NOTIFY;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        OutputBufferBody.write(w, headerStart, output);
    }

    static ChangeNotifyResponse read(Body b) throws DecodeException {
        return new ChangeNotifyResponse(OutputBufferBody.read(b));
    }

    @Override
    public Detail detail() {
        return Detail.of("Notify Response (0x0f)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Output Buffer", Bits.preview(output));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeNotifyResponse x && Arrays.equals(output, x.output);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "ChangeNotifyResponse[" + output.length + " bytes]";
    }
}
