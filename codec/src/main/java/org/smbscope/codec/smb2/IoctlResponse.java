package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.32 SMB2 IOCTL Response (for FSCTL_PIPE_TRANSCEIVE the output is the RPC reply). */
public record IoctlResponse(CtlCode ctlCode, FileId fileId, byte[] input, byte[] output, int flags)
        implements Smb2Response {
    static final int STRUCTURE_SIZE = 49;

    public IoctlResponse {
        Objects.requireNonNull(ctlCode);
        Objects.requireNonNull(fileId);
        input = input.clone();
        output = output.clone();
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.IOCTL;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(0).u32le(ctlCode.value() & 0xFFFFFFFFL);
        fileId.write(w);
        int inAt = w.size();
        w.u32le(0).u32le(input.length);
        int outAt = w.size();
        w.u32le(0).u32le(output.length).u32le(flags & 0xFFFFFFFFL).u32le(0);
        int bufferStart = w.size() - headerStart;
        w.patchU32le(inAt, bufferStart);
        w.bytes(input);
        if (output.length > 0) {
            NegotiateContext.pad8(w, headerStart);
            w.patchU32le(outAt, w.size() - headerStart);
            w.bytes(output);
        } else {
            w.patchU32le(outAt, w.size() - headerStart);
        }
        if (input.length == 0 && output.length == 0) {
            w.u8(0);
        }
    }

    static IoctlResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        r.skip("Reserved", 2);
        CtlCode code = new CtlCode(r.i32le("CtlCode"));
        FileId id = b.fileId();
        long inOffset = r.u32le("InputOffset");
        long inCount = r.u32le("InputCount");
        long outOffset = r.u32le("OutputOffset");
        long outCount = r.u32le("OutputCount");
        int flags = r.i32le("Flags");
        r.skip("Reserved2", 4);
        byte[] in = b.bytes("Input", inOffset, inCount);
        byte[] out = b.bytes("Output", outOffset, outCount);
        return new IoctlResponse(code, id, in, out, flags);
    }

    @Override
    public Detail detail() {
        return Detail.of("Ioctl Response (0x0b)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Function", ctlCode)
                .field("File Id", fileId)
                .field("Input", Bits.preview(input))
                .field("Output", Bits.preview(output))
                .field("Flags", String.format("0x%08x", flags));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IoctlResponse x && ctlCode.equals(x.ctlCode) && fileId.equals(x.fileId)
                && Arrays.equals(input, x.input) && Arrays.equals(output, x.output) && flags == x.flags;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ctlCode, fileId, Arrays.hashCode(input), Arrays.hashCode(output), flags);
    }

    @Override
    public String toString() {
        return "IoctlResponse[" + ctlCode + ", " + fileId + ", in=" + input.length + ", out=" + output.length + "]";
    }
}
