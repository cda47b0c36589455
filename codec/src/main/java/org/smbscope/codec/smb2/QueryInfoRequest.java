package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.37 SMB2 QUERY_INFO Request. {@code infoClass} is a FileInformationClass or
 * FsInformationClass number depending on {@code infoType}; {@code additionalInformation} carries the
 * security information bits for SECURITY.
 */
public record QueryInfoRequest(InfoType infoType, int infoClass, int outputBufferLength, byte[] input,
        int additionalInformation, int flags, FileId fileId) implements Smb2Request {
    static final int STRUCTURE_SIZE = 41;

    public QueryInfoRequest {
        Objects.requireNonNull(infoType);
        Objects.requireNonNull(fileId);
        input = input.clone();
    }

    public static QueryInfoRequest of(InfoType type, int infoClass, FileId fileId, int outputBufferLength) {
        return new QueryInfoRequest(type, infoClass, outputBufferLength, new byte[0], 0, 0, fileId);
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.QUERY_INFO;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(infoType.value()).u8(infoClass).u32le(outputBufferLength & 0xFFFFFFFFL);
        int at = w.size();
        w.u16le(0).u16le(0).u32le(input.length).u32le(additionalInformation & 0xFFFFFFFFL)
                .u32le(flags & 0xFFFFFFFFL);
        fileId.write(w);
        if (input.length > 0) {
            w.patchU16le(at, w.size() - headerStart);
        }
        w.bytes(input);
        if (input.length == 0) {
            w.u8(0);
        }
    }

    static QueryInfoRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        InfoType type = new InfoType(r.u8("InfoType"));
        int cls = r.u8("FileInfoClass");
        int outLength = r.i32le("OutputBufferLength");
        int inOffset = r.u16le("InputBufferOffset");
        r.skip("Reserved", 2);
        long inLength = r.u32le("InputBufferLength");
        int additional = r.i32le("AdditionalInformation");
        int flags = r.i32le("Flags");
        FileId id = b.fileId();
        return new QueryInfoRequest(type, cls, outLength, b.bytes("InputBuffer", inOffset, inLength), additional,
                flags, id);
    }

    @Override
    public Detail detail() {
        return Detail.of("GetInfo Request (0x10)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("InfoType", infoType)
                .field("Class", String.format("0x%02x", infoClass))
                .field("Max Response Size", Integer.toUnsignedString(outputBufferLength))
                .field("Input", Bits.preview(input))
                .field("Additional Info", String.format("0x%08x", additionalInformation))
                .field("Flags", String.format("0x%08x", flags))
                .field("File Id", fileId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryInfoRequest x && infoType.equals(x.infoType) && infoClass == x.infoClass
                && outputBufferLength == x.outputBufferLength && Arrays.equals(input, x.input)
                && additionalInformation == x.additionalInformation && flags == x.flags && fileId.equals(x.fileId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoType, infoClass, outputBufferLength, Arrays.hashCode(input), fileId);
    }

    @Override
    public String toString() {
        return "QueryInfoRequest[" + infoType + ", class=" + infoClass + ", out=" + outputBufferLength + ", "
                + fileId + "]";
    }
}
