package org.smbscope.codec.smb2;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.21 SMB2 WRITE Request. Data is written at offset 0x70 (right after the fixed part).
 * {@code data} is a read-only view; when decoded it shares the frame's array. {@code flags}: 0x1
 * WRITE_THROUGH, 0x2 WRITE_UNBUFFERED. RDMA channel info is not supported.
 */
public record WriteRequest(long offset, FileId fileId, int channel, int remainingBytes, int flags, ByteBuffer data)
        implements Smb2Request {
    static final int STRUCTURE_SIZE = 49;
    public static final int DATA_OFFSET = 0x70;

    public WriteRequest {
        Objects.requireNonNull(fileId);
        data = Objects.requireNonNull(data).asReadOnlyBuffer();
    }

    public static WriteRequest of(FileId fileId, long offset, ByteBuffer data) {
        return new WriteRequest(offset, fileId, 0, 0, 0, data);
    }

    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    public int dataLength() {
        return data.remaining();
    }

    public byte[] dataBytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.WRITE;
    }

    @Override
    public int bodyLengthHint() {
        return DATA_OFFSET - Smb2Header.SIZE + Math.max(1, data.remaining());
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        int len = data.remaining();
        w.u16le(STRUCTURE_SIZE).u16le(DATA_OFFSET).u32le(len).u64le(offset);
        fileId.write(w);
        w.u32le(channel & 0xFFFFFFFFL).u32le(remainingBytes & 0xFFFFFFFFL).u16le(0).u16le(0)
                .u32le(flags & 0xFFFFFFFFL);
        if (len == 0) {
            w.u8(0);
            return;
        }
        ByteBuffer d = data.duplicate();
        if (d.hasArray()) {
            w.bytes(d.array(), d.arrayOffset() + d.position(), len);
        } else {
            byte[] copy = new byte[len];
            d.get(copy);
            w.bytes(copy);
        }
    }

    static WriteRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int dataOffset = r.u16le("DataOffset");
        long length = r.u32le("Length");
        long offset = r.u64le("Offset");
        FileId id = b.fileId();
        int channel = r.i32le("Channel");
        int remaining = r.i32le("RemainingBytes");
        int infoOffset = r.u16le("WriteChannelInfoOffset");
        int infoLength = r.u16le("WriteChannelInfoLength");
        int flags = r.i32le("Flags");
        b.window("WriteChannelInfo", infoOffset, infoLength);
        return new WriteRequest(offset, id, channel, remaining, flags, b.buffer("Data", dataOffset, length));
    }

    @Override
    public Detail detail() {
        return Detail.of("Write Request (0x09)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Write Length", data.remaining())
                .field("File Offset", Long.toUnsignedString(offset))
                .field("File Id", fileId)
                .field("Channel", channel)
                .field("Remaining Bytes", Integer.toUnsignedString(remainingBytes))
                .field("Write Flags", String.format("0x%08x", flags));
    }
}
