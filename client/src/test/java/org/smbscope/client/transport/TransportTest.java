package org.smbscope.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class TransportTest {
    private interface Server {
        void serve(DataInputStream in, OutputStream out) throws Exception;
    }

    private static CompletableFuture<Void> serveOnce(ServerSocket ss, Server server) {
        return CompletableFuture.runAsync(() -> {
            try (Socket s = ss.accept()) {
                server.serve(new DataInputStream(s.getInputStream()), s.getOutputStream());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static InetSocketAddress addr(ServerSocket ss) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), ss.getLocalPort());
    }

    @Test
    void directTcpFramesWithA24BitLength() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> done = serveOnce(ss, (in, out) -> {
                byte[] head = new byte[4];
                in.readFully(head);
                assertThat(head).containsExactly(0, 0, 0, 3);
                byte[] body = new byte[3];
                in.readFully(body);
                out.write(new byte[] {(byte) 0x85, 0, 0, 0}); // keepalive is skipped
                out.write(new byte[] {0, 0, 0, 2, 9, 8});
                out.flush();
            });
            try (Transport t = DirectTcpTransport.connect(addr(ss), TransportConfig.defaults())) {
                t.send(new byte[] {1, 2, 3});
                assertThat(t.receive()).containsExactly(9, 8);
                done.get();
                assertThatThrownBy(t::receive).isInstanceOf(EOFException.class);
            }
        }
    }

    @Test
    void frameAboveTheLimitIsRefused() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serveOnce(ss, (in, out) -> {
                out.write(new byte[] {0, (byte) 0xff, (byte) 0xff, (byte) 0xff});
                out.flush();
                Thread.sleep(200);
            });
            try (Transport t = DirectTcpTransport.connect(addr(ss), TransportConfig.defaults().withMaxFrameSize(1024))) {
                assertThatThrownBy(t::receive).isInstanceOf(FrameTooLargeException.class).hasMessageContaining("16777215");
            }
        }
    }

    @Test
    void netbiosSessionRequestAndNegativeResponse() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> done = serveOnce(ss, (in, out) -> {
                assertThat(in.readUnsignedByte()).isEqualTo(0x81);
                int len = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                assertThat(len).isEqualTo(68);
                byte[] names = new byte[len];
                in.readFully(names);
                assertThat(new String(names, 1, 32, "US-ASCII")).isEqualTo("EMEBECDDDACACACACACACACACACACACA");
                out.write(new byte[] {(byte) 0x83, 0, 0, 1, (byte) 0x82});
                out.flush();
            });
            assertThatThrownBy(() -> NetbiosSessionTransport.connect(addr(ss), "lab30", "SMBSCOPE", TransportConfig.defaults()))
                    .isInstanceOf(IOException.class).hasMessageContaining("0x82 called name not present");
            done.get();
        }
    }

    @Test
    void netbiosSessionPositiveThenMessages() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serveOnce(ss, (in, out) -> {
                in.readFully(new byte[4 + 68]);
                out.write(new byte[] {(byte) 0x82, 0, 0, 0});
                byte[] head = new byte[4];
                in.readFully(head);
                byte[] body = new byte[head[3]];
                in.readFully(body);
                out.write(new byte[] {0, 0, 0, (byte) body.length});
                out.write(body);
                out.flush();
            });
            try (Transport t = NetbiosSessionTransport.connect(addr(ss), "*SMBSERVER", "SMBSCOPE", TransportConfig.defaults())) {
                t.send(new byte[] {7, 7});
                assertThat(t.receive()).containsExactly(7, 7);
            }
        }
    }

    @Test
    void nameEncoding() {
        byte[] n = org.smbscope.codec.netbios.NetbiosName.of("*SMBSERVER", 0x20).encode();
        assertThat(n[0]).isEqualTo((byte) 32);
        assertThat(new String(n, 1, 32, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("CKFDENECFDEFFCFGEFFCCACACACACACA");
        assertThat(n[33]).isZero();
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> TransportConfig.defaults().withMaxFrameSize(1 << 25)).isInstanceOf(IllegalArgumentException.class);
    }
}
