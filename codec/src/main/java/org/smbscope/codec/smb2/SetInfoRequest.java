package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.39 SMB2 SET_INFO Request: the buffer is an [MS-FSCC] structure of {@code infoClass}. */
public record SetInfoRequest(InfoType infoType, int infoClass, byte[] buffer, int additionalInformation,
        FileId fileId) implements Smb2Request {
    static final int STRUCTURE_SIZE = 33;

    public SetInfoRequest {
        Objects.requireNonNull(infoType);
        Objects.requireNonNull(fileId);
        buffer = buffer.clone();
    }

    @Override
    public byte[] buffer() {
        return buffer.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.SET_INFO;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(infoType.value()).u8(infoClass).u32le(buffer.length);
        int at = w.size();
        w.u16le(0).u16le(0).u32le(additionalInformation & 0xFFFFFFFFL);
        fileId.write(w);
        w.patchU16le(at, w.size() - headerStart);
        w.bytes(buffer);
        if (buffer.length == 0) {
            w.u8(0);
        }
    }

    static SetInfoRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        InfoType type = new InfoType(r.u8("InfoType"));
        int cls = r.u8("FileInfoClass");
        long length = r.u32le("BufferLength");
        int offset = r.u16le("BufferOffset");
        r.skip("Reserved", 2);
        int additional = r.i32le("AdditionalInformation");
        FileId id = b.fileId();
        return new SetInfoRequest(type, cls, b.bytes("Buffer", offset, length), additional, id);
    }

    @Override
    public Detail detail() {
        return Detail.of("SetInfo Request (0x11)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("InfoType", infoType)
                .field("Class", String.format("0x%02x", infoClass))
                .field("Buffer", Bits.preview(buffer))
                .field("Additional Info", String.format("0x%08x", additionalInformation))
                .field("File Id", fileId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetInfoRequest x && infoType.equals(x.infoType) && infoClass == x.infoClass
                && Arrays.equals(buffer, x.buffer) && additionalInformation == x.additionalInformation
                && fileId.equals(x.fileId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoType, infoClass, Arrays.hashCode(buffer), fileId);
    }

    @Override
    public String toString() {
        return "SetInfoRequest[" + infoType + ", class=" + infoClass + ", " + buffer.length + " bytes, " + fileId
                + "]";
    }
}
