package org.smbscope.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * RFC 1002 4.3 NetBIOS session service on port 139: a SESSION REQUEST with the called and
 * calling names, then SESSION MESSAGEs carrying SMB frames. The name encoding here is the
 * minimal first-level encoding of RFC 1001 14.1 (no scope); it is a private adapter until the
 * netbios codec is merged.
 */
public final class NetbiosSessionTransport implements Transport {
    public static final int DEFAULT_PORT = 139;
    static final int SESSION_MESSAGE = 0x00;
    static final int SESSION_REQUEST = 0x81;
    static final int POSITIVE_RESPONSE = 0x82;
    static final int NEGATIVE_RESPONSE = 0x83;
    static final int RETARGET_RESPONSE = 0x84;

    private final SocketStreams streams;
    private final int maxFrameSize;

    private NetbiosSessionTransport(SocketStreams streams, int maxFrameSize) {
        this.streams = streams;
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Connects and runs the session request. {@code calledName} is the server's NetBIOS name
     * ({@code *SMBSERVER} works with Samba and Windows when it is not known).
     */
    public static NetbiosSessionTransport connect(InetSocketAddress address, String calledName, String callingName,
            TransportConfig config) throws IOException {
        SocketStreams streams = SocketStreams.connect(address, config);
        try {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(encodeName(calledName, 0x20));
            request.writeBytes(encodeName(callingName, 0x00));
            FrameIo.write(streams.out, SESSION_REQUEST, request.toByteArray());
            int type = FrameIo.readType(streams.in);
            byte[] body = FrameIo.readBody(streams.in, 64);
            switch (type) {
                case POSITIVE_RESPONSE -> {
                    return new NetbiosSessionTransport(streams, config.maxFrameSize());
                }
                case NEGATIVE_RESPONSE -> throw new IOException("NetBIOS session refused by " + streams.peer()
                        + ": " + negativeReason(body.length > 0 ? body[0] & 0xff : -1));
                case RETARGET_RESPONSE -> throw new IOException("NetBIOS session retargeted by " + streams.peer()
                        + " (not supported)");
                default -> throw new IOException(String.format("unexpected NetBIOS session response type 0x%02x", type));
            }
        } catch (IOException | RuntimeException e) {
            streams.close();
            throw e;
        }
    }

    /** RFC 1002 4.3.4 error codes. */
    static String negativeReason(int code) {
        return switch (code) {
            case 0x80 -> "0x80 not listening on called name";
            case 0x81 -> "0x81 not listening for calling name";
            case 0x82 -> "0x82 called name not present";
            case 0x83 -> "0x83 called name present, but insufficient resources";
            case 0x8F -> "0x8f unspecified error";
            case -1 -> "no error code";
            default -> String.format("0x%02x unknown error", code);
        };
    }

    /** RFC 1001 14.1 first-level encoding of a 16-byte name (15 chars padded + suffix), no scope. */
    static byte[] encodeName(String name, int suffix) {
        byte[] s = name.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[16];
        java.util.Arrays.fill(raw, (byte) ' ');
        System.arraycopy(s, 0, raw, 0, Math.min(15, s.length));
        raw[15] = (byte) suffix;
        byte[] out = new byte[34];
        out[0] = 32;
        for (int i = 0; i < 16; i++) {
            out[1 + 2 * i] = (byte) ('A' + ((raw[i] >> 4) & 0x0f));
            out[2 + 2 * i] = (byte) ('A' + (raw[i] & 0x0f));
        }
        out[33] = 0;
        return out;
    }

    @Override
    public void send(byte[] frame) throws IOException {
        FrameIo.write(streams.out, SESSION_MESSAGE, frame);
    }

    @Override
    public byte[] receive() throws IOException {
        while (true) {
            int type = FrameIo.readType(streams.in);
            byte[] body = FrameIo.readBody(streams.in, maxFrameSize);
            if (type == SESSION_MESSAGE) {
                return body;
            }
            if (type != FrameIo.KEEPALIVE) {
                throw new IOException(String.format("unexpected NetBIOS session packet type 0x%02x", type));
            }
        }
    }

    @Override
    public String describe() {
        return "nbss " + streams.peer();
    }

    @Override
    public void close() {
        streams.close();
    }
}
