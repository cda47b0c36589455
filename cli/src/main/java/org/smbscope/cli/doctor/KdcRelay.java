package org.smbscope.cli.doctor;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.smbscope.trace.capture.Endpoint;

/**
 * A loopback relay in front of the KDC for {@code doctor -k}: the JDK's Kerberos client is pointed
 * at it (a krb5.conf of the doctor's own, TCP only), each Kerberos-over-TCP record (RFC 4120
 * 7.2.2: 4-byte length, then the message) is forwarded to the real KDC and its answer back, and
 * both go into the {@link ExchangeLog} as KERBEROS exchanges, so the narrative and the rules see the
 * AS, TGS and KRB-ERROR messages exactly as in a capture. One request, one answer per record.
 */
final class KdcRelay implements AutoCloseable {
    static final int MAX_RECORD = 1 << 20;
    private final InetSocketAddress kdc;
    private final ExchangeLog log;
    private final Duration timeout;
    private final Clock clock;
    private final ServerSocket listener;

    KdcRelay(InetSocketAddress kdc, ExchangeLog log, Duration timeout, Clock clock) throws IOException {
        this.kdc = kdc;
        this.log = log;
        this.timeout = timeout;
        this.clock = clock;
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("kdc-relay").start(this::acceptLoop);
    }

    /** "127.0.0.1:40123": what the doctor's krb5.conf names as the realm's KDC. */
    String address() {
        return listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().name("kdc-relay-conn").start(() -> relay(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        Endpoint from = new Endpoint(client.getInetAddress(), client.getPort());
        Endpoint to = new Endpoint(kdc.getAddress(), kdc.getPort());
        try (client; Socket upstream = new Socket()) {
            client.setSoTimeout((int) timeout.toMillis());
            DataInputStream cin = new DataInputStream(client.getInputStream());
            OutputStream cout = client.getOutputStream();
            byte[] request;
            while ((request = readRecord(cin)) != null) {
                log.addKerberos(from, to, true, clock.instant(), Arrays.copyOfRange(request, 4, request.length));
                if (!upstream.isConnected()) {
                    upstream.connect(kdc, (int) timeout.toMillis());
                    upstream.setSoTimeout((int) timeout.toMillis());
                }
                upstream.getOutputStream().write(request);
                byte[] reply = readRecord(new DataInputStream(upstream.getInputStream()));
                if (reply == null) {
                    return;
                }
                log.addKerberos(from, to, false, clock.instant(), Arrays.copyOfRange(reply, 4, reply.length));
                cout.write(reply);
                cout.flush();
            }
        } catch (IOException e) {
            // the client sees the closed connection as "cannot contact any KDC"; the log shows the
            // unanswered request, which is the evidence the no-KDC rule reads
        }
    }

    /** One record with its 4-byte length prefix, or null at a clean end of stream. */
    static byte[] readRecord(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length == 0) {
            return null;
        }
        if (head.length < 4) {
            throw new EOFException("Kerberos record length cut short");
        }
        long len = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        if (len > MAX_RECORD) {
            throw new IOException("Kerberos record of " + len + " bytes over the relay's limit");
        }
        byte[] out = Arrays.copyOf(head, 4 + (int) len);
        int n = in.readNBytes(out, 4, (int) len);
        if (n < len) {
            throw new EOFException("Kerberos record cut short");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
