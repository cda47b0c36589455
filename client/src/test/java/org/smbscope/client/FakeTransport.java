package org.smbscope.client;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.smbscope.client.transport.Transport;

/** An in-memory transport: the test plays the server through {@link #sent} and {@link #reply}. */
public final class FakeTransport implements Transport {
    private static final byte[] EOF = new byte[0];
    public final BlockingQueue<byte[]> sent = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    @Override
    public void send(byte[] frame) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        sent.add(frame);
    }

    @Override
    public byte[] receive() throws IOException {
        try {
            byte[] f = toClient.take();
            if (f == EOF) {
                throw new EOFException("closed");
            }
            return f;
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    public byte[] nextSent() throws InterruptedException {
        byte[] f = sent.poll(5, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("nothing sent");
        }
        return f;
    }

    public void reply(byte[] frame) {
        toClient.add(frame);
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public void close() {
        closed = true;
        toClient.add(EOF);
    }
}
