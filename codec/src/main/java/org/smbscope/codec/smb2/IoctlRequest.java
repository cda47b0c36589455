package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.31 SMB2 IOCTL Request. {@code flags}: {@link #IS_FSCTL}. The input buffer starts
 * at offset 0x78; an output buffer in a request is allowed by the spec but rarely used.
 */
public record IoctlRequest(CtlCode ctlCode, FileId fileId, byte[] input, int maxInputResponse, byte[] output,
        int maxOutputResponse, int flags) implements Smb2Request {
    static final int STRUCTURE_SIZE = 57;
    public static final int IS_FSCTL = 0x1;

    public IoctlRequest {
        Objects.requireNonNull(ctlCode);
        Objects.requireNonNull(fileId);
        input = input.clone();
        output = output.clone();
    }

    /** An FSCTL with an input buffer and the maximum output the caller accepts. */
    public static IoctlRequest fsctl(CtlCode code, FileId fileId, byte[] input, int maxOutputResponse) {
        return new IoctlRequest(code, fileId, input, 0, new byte[0], maxOutputResponse, IS_FSCTL);
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
        w.u32le(0).u32le(input.length).u32le(maxInputResponse & 0xFFFFFFFFL);
        int outAt = w.size();
        w.u32le(0).u32le(output.length).u32le(maxOutputResponse & 0xFFFFFFFFL).u32le(flags & 0xFFFFFFFFL).u32le(0);
        int bufferStart = w.size() - headerStart;
        if (input.length > 0) {
            w.patchU32le(inAt, w.size() - headerStart);
            w.bytes(input);
        }
        if (output.length > 0) {
            NegotiateContext.pad8(w, headerStart);
            w.patchU32le(outAt, w.size() - headerStart);
            w.bytes(output);
        }
        if (input.length == 0) {
            w.patchU32le(inAt, bufferStart);
        }
        if (output.length == 0) {
            w.patchU32le(outAt, bufferStart);
        }
        if (input.length == 0 && output.length == 0) {
            w.u8(0);
        }
    }

    static IoctlRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        r.skip("Reserved", 2);
        CtlCode code = new CtlCode(r.i32le("CtlCode"));
        FileId id = b.fileId();
        long inOffset = r.u32le("InputOffset");
        long inCount = r.u32le("InputCount");
        int maxIn = r.i32le("MaxInputResponse");
        long outOffset = r.u32le("OutputOffset");
        long outCount = r.u32le("OutputCount");
        int maxOut = r.i32le("MaxOutputResponse");
        int flags = r.i32le("Flags");
        r.skip("Reserved2", 4);
        byte[] in = b.bytes("Input", inOffset, inCount);
        byte[] out = b.bytes("Output", outOffset, outCount);
        if (inCount > 0 && outCount > 0 && inOffset < outOffset + outCount && outOffset < inOffset + inCount) {
            throw r.fail("OutputOffset", "input and output buffers overlap");
        }
        return new IoctlRequest(code, id, in, maxIn, out, maxOut, flags);
    }

    @Override
    public Detail detail() {
        return Detail.of("Ioctl Request (0x0b)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Function", ctlCode)
                .field("File Id", fileId)
                .field("Input", Bits.preview(input))
                .field("Max Ioctl In Size", Integer.toUnsignedString(maxInputResponse))
                .field("Output", Bits.preview(output))
                .field("Max Ioctl Out Size", Integer.toUnsignedString(maxOutputResponse))
                .field("Flags", String.format("0x%08x", flags) + ((flags & IS_FSCTL) != 0 ? " (IS_FSCTL)" : ""));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IoctlRequest x && ctlCode.equals(x.ctlCode) && fileId.equals(x.fileId)
                && Arrays.equals(input, x.input) && maxInputResponse == x.maxInputResponse
                && Arrays.equals(output, x.output) && maxOutputResponse == x.maxOutputResponse && flags == x.flags;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ctlCode, fileId, Arrays.hashCode(input), Arrays.hashCode(output), flags);
    }

    @Override
    public String toString() {
        return "IoctlRequest[" + ctlCode + ", " + fileId + ", in=" + input.length + ", out=" + output.length
                + ", maxOut=" + maxOutputResponse + ", flags=" + flags + "]";
    }
}
