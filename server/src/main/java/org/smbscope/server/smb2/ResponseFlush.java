package org.smbscope.server.smb2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Compound;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Message;
import org.smbscope.server.smb2.Reply.Send;

/**
 * Sends the responses of one frame ([MS-SMB2] 3.3.4.1.1 signing, 3.3.4.1.4 encrypting, 3.3.4.1.3 compounding):
 * joined into one compound, each signed by its signer, the whole sealed when the frame was; a lone READ response
 * whose data is in one of the connection's direct buffers ({@link FrameBuffers}) goes out from there, signed over
 * its head and data or sealed into another direct buffer, and the buffer is taken back.
 */
final class ResponseFlush {
    private final ServerContext ctx;
    private final Dispatcher.Sink sink;
    private final FrameBuffers buffers;
    private final BooleanSupplier closed;

    ResponseFlush(ServerContext ctx, Dispatcher.Sink sink, FrameBuffers buffers, BooleanSupplier closed) {
        this.ctx = ctx;
        this.sink = sink;
        this.buffers = buffers;
        this.closed = closed;
    }

    /**
     * A READ response whose data is in a direct buffer (of {@code buffer}, the connection's): its header and fixed
     * part encoded, the data following them on the wire from the buffer; null for any other response.
     */
    static Send directRead(Smb2Header header, Smb2Message body, Smb2Signer signer, ByteBuffer buffer) {
        if (buffer != null && body instanceof org.smbscope.codec.smb2.ReadResponse r && r.dataLength() > 0
                && r.data().isDirect()) {
            ByteBuffer data = r.data();
            // the fixed part as for any non-empty READ response: DataOffset 0x50, DataLength of the data
            byte[] head = Arrays.copyOf(Smb2Codec.encode(header, new org.smbscope.codec.smb2.ReadResponse(r.dataRemaining(),
                    r.flags(), ByteBuffer.allocate(0))), org.smbscope.codec.smb2.ReadResponse.DATA_OFFSET);
            head[Smb2Header.SIZE + 2] = (byte) org.smbscope.codec.smb2.ReadResponse.DATA_OFFSET;
            int n = data.remaining();
            head[Smb2Header.SIZE + 4] = (byte) n;
            head[Smb2Header.SIZE + 5] = (byte) (n >>> 8);
            head[Smb2Header.SIZE + 6] = (byte) (n >>> 16);
            head[Smb2Header.SIZE + 7] = (byte) (n >>> 24);
            return new Send(head, signer, data, buffer);
        }
        return null;
    }

    /** Joins, signs and seals the responses of one frame and sends them. */
    void flush(List<Send> out, Dispatcher.Frame f) throws IOException {
        try {
            if (out.size() == 1 && out.get(0).tail() != null && (out.get(0).signer() == null || !f.encrypted())
                    && !closed.getAsBoolean()) {
                sendDirect(out.get(0), f);
            } else {
                flushArrays(out, f);
            }
        } finally {
            for (Send s : out) {
                if (s.release() != null && buffers != null) {
                    buffers.give(s.release());
                }
            }
        }
    }

    /**
     * Sends a lone response whose data is in a direct buffer (a READ): header and fixed part (signed over both when
     * {@code s} has a signer), then the data from the buffer; sealed into another direct buffer when the frame is
     * encrypted.
     */
    private void sendDirect(Send s, Dispatcher.Frame f) throws IOException {
        if (!f.encrypted()) {
            byte[] head = s.bytes();
            if (s.signer() != null) {
                if (head.length + s.tail().remaining() >= CryptoWarmups.BULK) {
                    ctx.warmups().warm(s.signer().algorithm(), null);
                }
                head[16] |= 0x08;
                Arrays.fill(head, Smb2Header.SIGNATURE_OFFSET, Smb2Header.SIGNATURE_OFFSET + 16, (byte) 0);
                System.arraycopy(s.signer().compute(head, s.tail()), 0, head, Smb2Header.SIGNATURE_OFFSET, 16);
            }
            sink.send(head, s.tail());
            return;
        }
        Session session = f.sealedBy();
        if (s.bytes().length + s.tail().remaining() >= CryptoWarmups.BULK) {
            ctx.warmups().warm(null, session.transform.cipher());
        }
        ByteBuffer sealed = buffers.take();
        try {
            sink.send(new byte[0], session.transform.seal(session.id, s.bytes(), s.tail().duplicate(), sealed));
        } finally {
            buffers.give(sealed);
        }
    }

    private void flushArrays(List<Send> out, Dispatcher.Frame f) throws IOException {
        if (out.isEmpty() || closed.getAsBoolean()) {
            return;
        }
        List<byte[]> parts = new ArrayList<>(out.size());
        for (Send s : out) {
            byte[] b = s.joined();
            if (s.signer() != null && b.length >= CryptoWarmups.BULK && !f.encrypted()) {
                ctx.warmups().warm(s.signer().algorithm(), null);
            }
            if (s.signer() != null) {
                b[16] |= 0x08;
                Arrays.fill(b, Smb2Header.SIGNATURE_OFFSET, Smb2Header.SIGNATURE_OFFSET + 16, (byte) 0);
            }
            parts.add(b);
        }
        byte[] joined = parts.size() == 1 ? parts.get(0) : Smb2Compound.join(parts);
        int at = 0;
        for (int i = 0; i < out.size(); i++) {
            int len = i == out.size() - 1 ? joined.length - at : readU32(joined, at + 20);
            if (out.get(i).signer() != null) {
                out.get(i).signer().sign(joined, at, len);
            }
            at += len;
        }
        if (f.encrypted()) {
            Session s = f.sealedBy();
            if (joined.length >= CryptoWarmups.BULK) {
                ctx.warmups().warm(null, s.transform.cipher());
            }
            joined = s.transform.seal(s.id, joined);
        }
        sink.send(joined);
    }

    private static int readU32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
