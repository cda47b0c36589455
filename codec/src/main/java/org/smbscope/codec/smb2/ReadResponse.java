package org.smbscope.codec.smb2;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.20 SMB2 READ Response. {@code data()} is a read-only view: when decoded, it shares
 * the frame's array (no copy, reads may be 8 MiB); its position/limit are the data's. Use
 * {@code data().duplicate()} before consuming it.
 *
 * <p>A server can avoid copying the data at all with {@link #inFrame}: it reads the data straight into
 * {@code frame[DATA_OFFSET, frame.length)} of an array it allocated for the whole message, and
 * {@link Smb2Codec#encode(Smb2Header, Smb2Message)} then writes the header and the fixed part into the
 * first {@link #DATA_OFFSET} bytes of that array and returns the array itself (same bytes as the copying
 * encoding).
 */
public record ReadResponse(int dataRemaining, int flags, ByteBuffer data) implements Smb2Response {
    static final int STRUCTURE_SIZE = 17;
    /** The data offset used when encoding: right after the fixed part. */
    public static final int DATA_OFFSET = 0x50;

    public ReadResponse {
        data = isFrame(Objects.requireNonNull(data)) ? data.duplicate() : data.asReadOnlyBuffer();
    }

    /**
     * A response whose data is {@code frame[DATA_OFFSET, frame.length)}, already filled by the caller; the
     * encoder writes the header and fixed part into {@code frame[0, DATA_OFFSET)} and returns {@code frame}
     * (the caller must not use the array for anything else).
     *
     * @throws IllegalArgumentException if {@code frame} holds no data byte
     */
    public static ReadResponse inFrame(byte[] frame, int dataRemaining, int flags) {
        if (frame.length <= DATA_OFFSET) {
            throw new IllegalArgumentException("a READ response frame needs data after offset " + DATA_OFFSET);
        }
        return new ReadResponse(dataRemaining, flags, ByteBuffer.wrap(frame, DATA_OFFSET, frame.length - DATA_OFFSET).slice());
    }

    /** The shape {@link #inFrame} makes: a writable slice starting at DATA_OFFSET of an array that ends with it. */
    private static boolean isFrame(ByteBuffer b) {
        return !b.isReadOnly() && b.hasArray() && b.arrayOffset() == DATA_OFFSET && b.position() == 0
                && b.remaining() > 0 && b.limit() == b.capacity() && b.array().length == DATA_OFFSET + b.capacity();
    }

    /** The array of an {@link #inFrame} response (encoded in place), else null. */
    byte[] frame() {
        return isFrame(data) ? data.array() : null;
    }

    public static ReadResponse of(byte[] data) {
        return new ReadResponse(0, 0, ByteBuffer.wrap(data));
    }

    @Override
    public ByteBuffer data() {
        return data.asReadOnlyBuffer();
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
        w.bytes(data); // one copy (read-only buffers hide their array)
    }

    /** The 16 bytes after the header, as {@link #writeBody} writes them for a non-empty response. */
    void writeFixed(WireWriter w) {
        w.u16le(STRUCTURE_SIZE).u8(DATA_OFFSET).u8(0).u32le(data.remaining()).u32le(dataRemaining & 0xFFFFFFFFL)
                .u32le(flags & 0xFFFFFFFFL);
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
