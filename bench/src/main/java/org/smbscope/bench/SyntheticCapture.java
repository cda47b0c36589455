package org.smbscope.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.WriteRequest;

/**
 * Writes a classic pcap (Ethernet, IPv4, TCP port 445) of one SMB2 conversation as a loopback
 * capture of a file copy would hold it: per file a CREATE, 1 MiB READs (or WRITEs) with their
 * responses, a QUERY_DIRECTORY and a CLOSE; NetBIOS session framing; TCP segments of at most
 * 65,483 bytes (loopback MTU) with an ACK for every second segment. Every byte follows from the
 * arguments, so two runs write the same file.
 *
 * <p>{@code java -cp benchmarks.jar org.smbscope.bench.SyntheticCapture FILE MIB}
 */
public final class SyntheticCapture {
    private static final int MSS = 65_483;
    private static final int IO = 1 << 20;
    private static final int FILE_MIB = 64;
    private static final byte[] CLIENT_IP = {127, 0, 0, 2};
    private static final byte[] SERVER_IP = {127, 0, 0, 3};
    private static final int CLIENT_PORT = 50_000;
    private static final int SERVER_PORT = 445;

    private final OutputStream out;
    private final byte[] record = new byte[16 + 14 + 20 + 20 + MSS];
    private long clientSeq = 1_000;
    private long serverSeq = 9_000_000;
    private long micros = 1_800_000_000_000_000L;
    private long messageId = 10;
    private long written;
    private int unacked;

    private SyntheticCapture(OutputStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticCapture FILE MIB");
            System.exit(2);
        }
        long bytes = write(Path.of(args[0]), Long.parseLong(args[1]) << 20);
        System.out.println(bytes);
    }

    /** Writes a capture of at least {@code targetBytes}; returns its size. */
    public static long write(Path file, long targetBytes) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return write(os, targetBytes);
        }
    }

    public static long write(OutputStream os, long targetBytes) throws IOException {
        SyntheticCapture c = new SyntheticCapture(os);
        c.globalHeader();
        byte[] data = SampleMessages.data(IO);
        int n = 0;
        while (c.written < targetBytes) {
            c.file("dir\\file-" + n + ".bin", n % 2 == 0, data, targetBytes);
            n++;
        }
        os.flush();
        return c.written;
    }

    private void file(String name, boolean read, byte[] data, long targetBytes) throws IOException {
        CreateRequest create = SampleMessages.createRequest(name);
        exchange(create, SampleMessages.createResponse((long) FILE_MIB * IO), 1);
        for (int i = 0; i < FILE_MIB && written < targetBytes; i++) {
            long offset = (long) i * IO;
            int charge = Smb2Header.creditChargeFor(IO);
            if (read) {
                ReadRequest r = SampleMessages.readRequest(offset, IO);
                exchange(r, SampleMessages.readResponse(data), charge);
            } else {
                WriteRequest w = SampleMessages.writeRequest(offset, data);
                exchange(w, SampleMessages.writeResponse(IO), charge);
            }
        }
        QueryDirectoryRequest q = SampleMessages.queryDirectoryRequest();
        exchange(q, SampleMessages.queryDirectoryResponse(40), 1);
        CloseRequest close = SampleMessages.closeRequest();
        exchange(close, SampleMessages.closeResponse(), 1);
    }

    private void exchange(org.smbscope.codec.smb2.Smb2Request request, org.smbscope.codec.smb2.Smb2Response response,
            int charge) throws IOException {
        long id = messageId;
        messageId += charge;
        stream(true, SampleMessages.request(request, id, charge));
        stream(false, SampleMessages.response(response, id, request, charge));
    }

    /** Sends one SMB2 message with its 4-byte session header as TCP segments. */
    private void stream(boolean fromClient, byte[] message) throws IOException {
        byte[] framed = new byte[4 + message.length];
        framed[1] = (byte) (message.length >>> 16);
        framed[2] = (byte) (message.length >>> 8);
        framed[3] = (byte) message.length;
        System.arraycopy(message, 0, framed, 4, message.length);
        for (int off = 0; off < framed.length; off += MSS) {
            int len = Math.min(MSS, framed.length - off);
            segment(fromClient, framed, off, len, 0x18);
            if (++unacked == 2) {
                segment(!fromClient, framed, 0, 0, 0x10);
                unacked = 0;
            }
        }
        if (unacked != 0) {
            segment(!fromClient, framed, 0, 0, 0x10);
            unacked = 0;
        }
    }

    private void globalHeader() throws IOException {
        byte[] h = new byte[24];
        le32(h, 0, 0xa1b2c3d4);
        le16(h, 4, 2);
        le16(h, 6, 4);
        le32(h, 16, 262_144);
        le32(h, 20, 1); // LINKTYPE_ETHERNET
        out.write(h);
        written += h.length;
    }

    private void segment(boolean fromClient, byte[] payload, int off, int len, int tcpFlags) throws IOException {
        micros += 3;
        int frameLen = 14 + 20 + 20 + len;
        byte[] r = record;
        le32(r, 0, (int) (micros / 1_000_000));
        le32(r, 4, (int) (micros % 1_000_000));
        le32(r, 8, frameLen);
        le32(r, 12, frameLen);
        int e = 16;
        for (int i = 0; i < 12; i++) {
            r[e + i] = 0;
        }
        r[e + 12] = 0x08;
        r[e + 13] = 0x00;
        int ip = e + 14;
        r[ip] = 0x45;
        r[ip + 1] = 0;
        be16(r, ip + 2, 20 + 20 + len);
        be16(r, ip + 4, (int) (micros & 0xFFFF));
        be16(r, ip + 6, 0x4000);
        r[ip + 8] = 64;
        r[ip + 9] = 6;
        be16(r, ip + 10, 0);
        System.arraycopy(fromClient ? CLIENT_IP : SERVER_IP, 0, r, ip + 12, 4);
        System.arraycopy(fromClient ? SERVER_IP : CLIENT_IP, 0, r, ip + 16, 4);
        be16(r, ip + 10, ipChecksum(r, ip));
        int tcp = ip + 20;
        be16(r, tcp, fromClient ? CLIENT_PORT : SERVER_PORT);
        be16(r, tcp + 2, fromClient ? SERVER_PORT : CLIENT_PORT);
        be32(r, tcp + 4, fromClient ? clientSeq : serverSeq);
        be32(r, tcp + 8, fromClient ? serverSeq : clientSeq);
        r[tcp + 12] = 0x50;
        r[tcp + 13] = (byte) tcpFlags;
        be16(r, tcp + 14, 0xFFFF);
        be16(r, tcp + 16, 0);
        be16(r, tcp + 18, 0);
        System.arraycopy(payload, off, r, tcp + 20, len);
        out.write(r, 0, 16 + frameLen);
        written += 16 + frameLen;
        if (fromClient) {
            clientSeq = (clientSeq + len) & 0xFFFFFFFFL;
        } else {
            serverSeq = (serverSeq + len) & 0xFFFFFFFFL;
        }
    }

    private static int ipChecksum(byte[] b, int off) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    private static void le16(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int o, int v) {
        le16(b, o, v);
        le16(b, o + 2, v >>> 16);
    }

    private static void be16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
    }

    private static void be32(byte[] b, int o, long v) {
        be16(b, o, (int) (v >>> 16));
        be16(b, o + 2, (int) v);
    }
}
