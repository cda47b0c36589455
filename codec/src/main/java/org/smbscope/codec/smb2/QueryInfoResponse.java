package org.smbscope.codec.smb2;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.38 SMB2 QUERY_INFO Response: the output buffer, to be read with the matching [MS-FSCC] decoder. */
public record QueryInfoResponse(byte[] output) implements Smb2Response {
    static final int STRUCTURE_SIZE = 9;

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
        w.u16le(STRUCTURE_SIZE);
        int at = w.size();
        w.u16le(0).u32le(output.length);
        w.patchU16le(at, w.size() - headerStart);
        w.bytes(output);
        if (output.length == 0) {
            w.u8(0);
        }
    }

    static QueryInfoResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int offset = r.u16le("OutputBufferOffset");
        long length = r.u32le("OutputBufferLength");
        return new QueryInfoResponse(b.bytes("OutputBuffer", offset, length));
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
