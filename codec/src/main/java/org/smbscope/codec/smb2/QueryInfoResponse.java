package org.smbscope.codec.smb2;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.38 SMB2 QUERY_INFO Response: the output buffer, to be read with the matching [MS-FSCC] decoder. */
public record QueryInfoResponse(byte[] output) implements Smb2Response {
    static final int STRUCTURE_SIZE = OutputBufferBody.STRUCTURE_SIZE;

    public QueryInfoResponse {
        output = output.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.QUERY_INFO;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        OutputBufferBody.write(w, headerStart, output);
    }

    static QueryInfoResponse read(Body b) throws DecodeException {
        return new QueryInfoResponse(OutputBufferBody.read(b));
    }

    @Override
    public Detail detail() {
        return Detail.of("GetInfo Response (0x10)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Output Buffer", Bits.preview(output));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryInfoResponse x && Arrays.equals(output, x.output);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "QueryInfoResponse[" + output.length + " bytes]";
    }
}
