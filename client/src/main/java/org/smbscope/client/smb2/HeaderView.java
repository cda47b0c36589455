package org.smbscope.client.smb2;

/**
 * Reads and patches the fixed-offset fields of a 64-byte SMB2 header ([MS-SMB2] 2.2.1) in place,
 * for the connection's hot path (dispatch by message id, credit accounting, signing). Full
 * decoding is the codec's job; this only touches what the runtime must patch or route on.
 */
final class HeaderView {
    static final int SIZE = 64;
    static final int OFF_CREDIT_CHARGE = 6;
    static final int OFF_STATUS = 8;
    static final int OFF_COMMAND = 12;
    static final int OFF_CREDITS = 14;
    static final int OFF_FLAGS = 16;
    static final int OFF_NEXT = 20;
    static final int OFF_MESSAGE_ID = 24;
    static final int OFF_ASYNC_ID = 32;
    static final int OFF_TREE_ID = 36;
    static final int OFF_SESSION_ID = 40;
    static final int OFF_SIGNATURE = 48;

    static final int FLAG_RESPONSE = 0x1;
    static final int FLAG_ASYNC = 0x2;
    static final int FLAG_RELATED = 0x4;
    static final int FLAG_SIGNED = 0x8;

    static final int STATUS_PENDING = 0x00000103;

    private HeaderView() {
    }

    static boolean isSmb2(byte[] m, int off) {
        return m.length - off >= SIZE && (m[off] & 0xff) == 0xFE && m[off + 1] == 'S' && m[off + 2] == 'M'
                && m[off + 3] == 'B' && u16(m, off + 4) == 64;
    }

    static boolean isTransform(byte[] m) {
        return m.length >= 4 && (m[0] & 0xff) == 0xFD && m[1] == 'S' && m[2] == 'M' && m[3] == 'B';
    }

    static int u16(byte[] m, int off) {
        return (m[off] & 0xff) | (m[off + 1] & 0xff) << 8;
    }

    static int i32(byte[] m, int off) {
        return (m[off] & 0xff) | (m[off + 1] & 0xff) << 8 | (m[off + 2] & 0xff) << 16 | (m[off + 3] & 0xff) << 24;
    }

    static long u64(byte[] m, int off) {
        return (i32(m, off) & 0xffffffffL) | ((long) i32(m, off + 4)) << 32;
    }

    static void put16(byte[] m, int off, int v) {
        m[off] = (byte) v;
        m[off + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] m, int off, int v) {
        put16(m, off, v);
        put16(m, off + 2, v >>> 16);
    }

    static void put64(byte[] m, int off, long v) {
        put32(m, off, (int) v);
        put32(m, off + 4, (int) (v >>> 32));
    }
}
