package org.smbscope.codec.smb2;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.34 SMB2 QUERY_DIRECTORY Response: the output buffer, to be read with the matching [MS-FSCC] decoder. */
public record QueryDirectoryResponse(byte[] output) implements Smb2Response {
    static final int STRUCTURE_SIZE = 9;

    public QueryDirectoryResponse {
        output = output.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.QUERY_DIRECTORY;
    }

    /** Decodes the entries (a NextEntryOffset chain) for the class the request asked for. */
    public java.util.List<org.smbscope.codec.fscc.DirectoryEntry> entries(
            org.smbscope.codec.fscc.FileInformationClass infoClass)
            throws org.smbscope.codec.fscc.FsccDecodeException {
        return org.smbscope.codec.fscc.DirectoryInformation.decode(infoClass, output);
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

    static QueryDirectoryResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int offset = r.u16le("OutputBufferOffset");
        long length = r.u32le("OutputBufferLength");
        return new QueryDirectoryResponse(b.bytes("OutputBuffer", offset, length));
    }

    @Override
    public Detail detail() {
        return Detail.of("Find Response (0x0e)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Output Buffer", Bits.preview(output));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryDirectoryResponse x && Arrays.equals(output, x.output);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "QueryDirectoryResponse[" + output.length + " bytes]";
    }
}
