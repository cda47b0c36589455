package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * The body shared by the QUERY_DIRECTORY, CHANGE_NOTIFY and QUERY_INFO responses
 * ([MS-SMB2] 2.2.34, 2.2.36, 2.2.38): StructureSize 9, OutputBufferOffset, OutputBufferLength
 * and the buffer (at least one byte on the wire, as the StructureSize counts it).
 */
final class OutputBufferBody {
    static final int STRUCTURE_SIZE = 9;

    private OutputBufferBody() {
    }

    static void write(WireWriter w, int headerStart, byte[] output) {
        w.u16le(STRUCTURE_SIZE);
        int at = w.size();
        w.u16le(0).u32le(output.length);
        w.patchU16le(at, w.size() - headerStart);
        w.bytes(output);
        if (output.length == 0) {
            w.u8(0);
        }
    }

    static byte[] read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int offset = r.u16le("OutputBufferOffset");
        long length = r.u32le("OutputBufferLength");
        return b.bytes("OutputBuffer", offset, length);
    }
}
