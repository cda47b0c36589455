package org.smbscope.bench.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;

/**
 * Holds {@code count} idle SMB connections to a server, each one negotiated (SMB2 NEGOTIATE for
 * 2.0.2 to 3.0.2, answer read), so that bench/run can read the server's resident memory. Prints
 * {@code ready connected=N} once all are up, then waits {@code seconds} and closes them.
 *
 * <p>{@code java -cp benchmarks.jar org.smbscope.bench.e2e.IdleConnections HOST COUNT SECONDS}
 */
public final class IdleConnections {
    private IdleConnections() {
    }

    public static void main(String[] a) throws Exception {
        String host = a[0];
        int count = Integer.parseInt(a[1]);
        long millis = (long) (Double.parseDouble(a[2]) * 1000);
        NegotiateRequest negotiate = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.LARGE_MTU,
                Guid.ZERO, List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1, Smb2Dialect.SMB_3_0,
                        Smb2Dialect.SMB_3_0_2), List.of());
        byte[] message = Smb2Codec.encode(Smb2Header.request(negotiate.command(), 0), negotiate);
        byte[] frame = new byte[4 + message.length];
        frame[2] = (byte) (message.length >>> 8);
        frame[3] = (byte) message.length;
        System.arraycopy(message, 0, frame, 4, message.length);
        List<Socket> sockets = new ArrayList<>(count);
        int failed = 0;
        try {
            for (int i = 0; i < count; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(host, 445), 5000);
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    out.write(frame);
                    out.flush();
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    int len = in.readInt() & 0xFFFFFF;
                    in.readFully(new byte[len]);
                    sockets.add(s);
                } catch (IOException e) {
                    failed++;
                    s.close();
                }
            }
            System.out.println("ready connected=" + sockets.size() + " failed=" + failed);
            System.out.flush();
            Thread.sleep(millis);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
