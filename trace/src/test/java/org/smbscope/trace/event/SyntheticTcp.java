package org.smbscope.trace.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a classic pcap (raw IPv4, link type 101) of one TCP conversation 10.0.0.1:50000 ->
 * 10.0.0.2:445, segment by segment, so tests choose the order, repeats and losses.
 */
final class SyntheticTcp {
    private final OutputStream out;
    private long clientSeq = 1000;
    private long serverSeq = 900_000;
    private int frame;
    /** The client's port: change it (and call {@link #handshake()}) for another conversation. */
    int clientPort = 50000;

    SyntheticTcp(OutputStream out) throws IOException {
        this.out = out;
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(101);
        out.write(h.array());
    }

    /** One SMB message with its 4-byte direct-TCP header. */
    static byte[] framed(byte[] message) {
        byte[] b = new byte[message.length + 4];
        b[1] = (byte) (message.length >> 16);
        b[2] = (byte) (message.length >> 8);
        b[3] = (byte) message.length;
        System.arraycopy(message, 0, b, 4, message.length);
        return b;
    }

    void handshake() throws IOException {
        segment(true, clientSeq - 1, 0x02, new byte[0], 0, 0);
        segment(false, serverSeq - 1, 0x12, new byte[0], 0, 0);
    }

    /** Ends one direction with a FIN (or the whole conversation with a RST). */
    void close(boolean fromClient, int flags) throws IOException {
        segment(fromClient, next(fromClient), flags, new byte[0], 0, 0);
    }

    /** The next sequence number of a direction (where the next byte goes). */
    long next(boolean fromClient) {
        return fromClient ? clientSeq : serverSeq;
    }

    /** Advances a direction's sequence number without writing (the bytes are lost). */
    void lose(boolean fromClient, int n) {
        if (fromClient) {
            clientSeq += n;
        } else {
            serverSeq += n;
        }
    }

    /** Sends bytes in order as one segment. */
    void send(boolean fromClient, byte[] data) throws IOException {
        send(fromClient, data, 0, data.length);
    }

    void send(boolean fromClient, byte[] data, int off, int len) throws IOException {
        segment(fromClient, next(fromClient), 0x18, data, off, len);
        lose(fromClient, len);
    }

    /** Writes a segment at an explicit sequence number (for reordering and retransmission). */
    void segment(boolean fromClient, long seq, int flags, byte[] data, int off, int len) throws IOException {
        int total = 40 + len;
        ByteBuffer b = ByteBuffer.allocate(16 + 40);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000 + frame / 1000).putInt(frame % 1000).putInt(total).putInt(total);
        frame++;
        b.order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (total > 0xFFFF ? 0 : total)).putShort((short) 0).putShort((short) 0x4000);
        b.put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] c = {10, 0, 0, 1};
        byte[] s = {10, 0, 0, 2};
        b.put(fromClient ? c : s).put(fromClient ? s : c);
        b.putShort((short) (fromClient ? clientPort : 445)).putShort((short) (fromClient ? 445 : clientPort));
        b.putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
        out.write(b.array());
        out.write(data, off, len);
    }

    static byte[] capture(Script script) throws IOException {
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        SyntheticTcp t = new SyntheticTcp(bout);
        t.handshake();
        script.run(t);
        return bout.toByteArray();
    }

    interface Script {
        void run(SyntheticTcp t) throws IOException;
    }
}
