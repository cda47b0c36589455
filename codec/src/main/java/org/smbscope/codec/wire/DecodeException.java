package org.smbscope.codec.wire;

/**
 * The root of every protocol's decode exception: what was being read ({@link #field()}), where
 * ({@link #offset()}, relative to the start of the message being decoded) and why.
 *
 * <p>Each protocol has its own subclass (for example {@code NetbiosDecodeException}) so that a
 * caller can tell a malformed NetBIOS packet from a malformed SMB2 one; decoders never let an
 * {@link IndexOutOfBoundsException} or a {@link java.nio.BufferUnderflowException} escape.
 */
public abstract class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int offset;
    private final String detail;

    protected DecodeException(String field, int offset, String detail) {
        super(detail + " (" + field + " at offset " + offset + ")");
        this.field = field;
        this.offset = offset;
        this.detail = detail;
    }

    /** The name of the field being read when decoding failed. */
    public String field() {
        return field;
    }

    /** Offset of that field from the start of the message. */
    public int offset() {
        return offset;
    }

    /** The reason, without the field and offset. */
    public String detail() {
        return detail;
    }

    /** A short name of the protocol, as Wireshark would name its dissector ("NBNS", "SMB2", ...). */
    public abstract String protocol();
}
