package org.smbscope.codec.smb2;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.20 SMB2 READ Response. {@code data} is a read-only view: when decoded, it shares
 * the frame's array (no copy, reads may be 8 MiB); its position/limit are the data's. Use
 * {@code data().duplicate()} before consuming it.
 */
public record ReadResponse(int dataRemaining, int flags, ByteBuffer data) implements Smb2Response {
    static final int STRUCTURE_SIZE = 17;
    /** The data offset used when encoding: right after the fixed part. */
    public static final int DATA_OFFSET = 0x50;

    public ReadResponse {
        data = Objects.requireNonNull(data).asReadOnlyBuffer();
    }

    public static ReadResponse of(byte[] data) {
        return new ReadResponse(0, 0, ByteBuffer.wrap(data));
    }

    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    public int dataLength() {
        return data.remaining();
    }

    /** A copy of the data. */
    public byte[] dataBytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.READ;
    }

    @Override
    public int bodyLengthHint() {
        return DATA_OFFSET - Smb2Header.SIZE + Math.max(1, data.remaining());
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        int len = data.remaining();
        w.u16le(STRUCTURE_SIZE).u8(len == 0 ? 0 : DATA_OFFSET).u8(0).u32le(len).u32le(dataRemaining & 0xFFFFFFFFL)
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

    static ReadResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int offset = r.u8("DataOffset");
        r.skip("Reserved", 1);
        long length = r.u32le("DataLength");
        int remaining = r.i32le("DataRemaining");
        int flags = r.i32le("Flags");
        return new ReadResponse(remaining, flags, b.buffer("Data", offset, length));
    }

    @Override
    public Detail detail() {
        return Detail.of("Read Response (0x08)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Read Length", data.remaining())
                .field("Read Remaining", Integer.toUnsignedString(dataRemaining));
    }
}
