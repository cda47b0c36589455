package org.smbscope.codec.smb2;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.34 SMB2 QUERY_DIRECTORY Response: the output buffer, to be read with the matching [MS-FSCC] decoder. */
public record QueryDirectoryResponse(byte[] output) implements Smb2Response {
    static final int STRUCTURE_SIZE = OutputBufferBody.STRUCTURE_SIZE;

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
        OutputBufferBody.write(w, headerStart, output);
    }

    static QueryDirectoryResponse read(Body b) throws DecodeException {
        return new QueryDirectoryResponse(OutputBufferBody.read(b));
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
