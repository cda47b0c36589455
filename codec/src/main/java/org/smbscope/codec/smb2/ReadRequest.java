package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.19 SMB2 READ Request. {@code padding} is the data offset the client would like in
 * the response (0x50 = right after the response's fixed part); {@code flags}: 0x01 READ_UNBUFFERED,
 * 0x02 REQUEST_COMPRESSED. RDMA channel info is not supported (always empty on encode).
 */
public record ReadRequest(int padding, int flags, int length, long offset, FileId fileId, int minimumCount,
        int channel, int remainingBytes) implements Smb2Request {
    static final int STRUCTURE_SIZE = 49;

    public ReadRequest {
        Objects.requireNonNull(fileId);
    }

    /** A plain read of {@code length} bytes at {@code offset}. */
    public static ReadRequest of(FileId fileId, long offset, int length) {
        return new ReadRequest(0x50, 0, length, offset, fileId, 0, 0, 0);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.READ;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(padding).u8(flags).u32le(length & 0xFFFFFFFFL).u64le(offset);
        fileId.write(w);
        w.u32le(minimumCount & 0xFFFFFFFFL).u32le(channel & 0xFFFFFFFFL).u32le(remainingBytes & 0xFFFFFFFFL)
                .u16le(0).u16le(0).u8(0);
    }

    static ReadRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int padding = r.u8("Padding");
        int flags = r.u8("Flags");
        int length = r.i32le("Length");
        long offset = r.u64le("Offset");
        FileId id = b.fileId();
        int min = r.i32le("MinimumCount");
        int channel = r.i32le("Channel");
        int remaining = r.i32le("RemainingBytes");
        int infoOffset = r.u16le("ReadChannelInfoOffset");
        int infoLength = r.u16le("ReadChannelInfoLength");
        b.window("ReadChannelInfo", infoOffset, infoLength);
        return new ReadRequest(padding, flags, length, offset, id, min, channel, remaining);
    }

    @Override
    public Detail detail() {
        return Detail.of("Read Request (0x08)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Padding", String.format("0x%02x", padding))
                .field("Flags", String.format("0x%02x", flags))
                .field("Read Length", Integer.toUnsignedString(length))
                .field("File Offset", Long.toUnsignedString(offset))
                .field("File Id", fileId)
                .field("Min Count", Integer.toUnsignedString(minimumCount))
                .field("Channel", channel)
                .field("Remaining Bytes", Integer.toUnsignedString(remainingBytes));
    }
}
