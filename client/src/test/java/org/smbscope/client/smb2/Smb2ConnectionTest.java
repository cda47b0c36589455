package org.smbscope.client.smb2;

import org.smbscope.client.FakeTransport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbTimeoutException;
import org.smbscope.client.WireTap;

class Smb2ConnectionTest {
    private final FakeTransport transport = new FakeTransport();
    private final Smb2Connection connection = new Smb2Connection(transport, Clock.systemUTC(),
            Duration.ofMillis(500), WireTap.NONE, m -> null);

    @AfterEach
    void close() {
        connection.close();
    }

    static byte[] request(int command) {
        byte[] m = new byte[72];
        m[0] = (byte) 0xFE;
        m[1] = 'S';
        m[2] = 'M';
        m[3] = 'B';
        m[4] = 64;
        HeaderView.put16(m, HeaderView.OFF_COMMAND, command);
        return m;
    }

    static byte[] response(byte[] req, int status, int credits, int flags) {
        byte[] m = req.clone();
        HeaderView.put32(m, HeaderView.OFF_STATUS, status);
        HeaderView.put16(m, HeaderView.OFF_CREDITS, credits);
        HeaderView.put32(m, HeaderView.OFF_FLAGS, HeaderView.FLAG_RESPONSE | flags);
        HeaderView.put32(m, HeaderView.OFF_NEXT, 0);
        return m;
    }

    @Test
    void firstRequestUsesMessageIdZeroAndCreditsGrow() throws Exception {
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(request(0)));
        byte[] sent = transport.nextSent();
        assertThat(HeaderView.u64(sent, HeaderView.OFF_MESSAGE_ID)).isZero();
        assertThat(HeaderView.u16(sent, HeaderView.OFF_CREDIT_CHARGE)).isEqualTo(1);
        transport.reply(response(sent, 0, 10, 0));
        Incoming in = connection.await(f);
        assertThat(in.messageId()).isZero();
        assertThat(in.request()).isEqualTo(sent);
        assertThat(connection.creditsAvailable()).isEqualTo(10);
    }

    @Test
    void responsesOutOfOrderReachTheirRequests() throws Exception {
        transport.reply(response(primed(), 0, 8, 0));
        Thread.sleep(50);
        CompletableFuture<Incoming> a = connection.submit(Outgoing.of(request(8)));
        CompletableFuture<Incoming> b = connection.submit(new Outgoing(request(8), 3));
        byte[] sa = transport.nextSent();
        byte[] sb = transport.nextSent();
        assertThat(HeaderView.u64(sb, HeaderView.OFF_MESSAGE_ID)).isEqualTo(HeaderView.u64(sa, HeaderView.OFF_MESSAGE_ID) + 1);
        assertThat(HeaderView.u16(sb, HeaderView.OFF_CREDIT_CHARGE)).isEqualTo(3);
        transport.reply(response(sb, 0, 3, 0));
        transport.reply(response(sa, 0, 1, 0));
        assertThat(connection.await(b).messageId()).isEqualTo(HeaderView.u64(sb, HeaderView.OFF_MESSAGE_ID));
        assertThat(connection.await(a).messageId()).isEqualTo(HeaderView.u64(sa, HeaderView.OFF_MESSAGE_ID));
    }

    private byte[] primed() throws Exception {
        connection.submit(Outgoing.of(request(0)));
        return transport.nextSent();
    }

    @Test
    void pendingInterimKeepsTheRequestWaiting() throws Exception {
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(request(5)));
        byte[] sent = transport.nextSent();
        transport.reply(response(sent, HeaderView.STATUS_PENDING, 1, HeaderView.FLAG_ASYNC));
        Thread.sleep(300);
        transport.reply(response(sent, HeaderView.STATUS_PENDING, 0, HeaderView.FLAG_ASYNC));
        Thread.sleep(300);
        assertThat(f).isNotDone();
        transport.reply(response(sent, 0, 0, HeaderView.FLAG_ASYNC));
        assertThat(connection.await(f).status()).isZero();
    }

    @Test
    void silentServerTimesOut() throws Exception {
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(request(13)));
        transport.nextSent();
        assertThatThrownBy(() -> connection.await(f)).isInstanceOf(SmbTimeoutException.class)
                .hasMessageContaining("no response");
    }

    @Test
    void noCreditsTimesOut() throws Exception {
        connection.submit(Outgoing.of(request(13)));
        assertThatThrownBy(() -> connection.submit(Outgoing.of(request(13))))
                .isInstanceOf(SmbTimeoutException.class).hasMessageContaining("no credits");
    }

    @Test
    void unexpectedMessageIdBreaksTheConnection() throws Exception {
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(request(13)));
        byte[] sent = transport.nextSent();
        byte[] bogus = response(sent, 0, 1, 0);
        HeaderView.put64(bogus, HeaderView.OFF_MESSAGE_ID, 99);
        transport.reply(bogus);
        assertThatThrownBy(() -> connection.await(f)).isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("unexpected message id 99");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void garbageFrameBreaksTheConnection() throws Exception {
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(request(13)));
        transport.nextSent();
        transport.reply(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> connection.await(f)).isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("not an SMB2 message");
    }

    @Test
    void closeByPeerFailsWaiters() throws Exception {
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(request(13)));
        transport.nextSent();
        transport.close();
        assertThatThrownBy(() -> connection.await(f)).isInstanceOf(EOFException.class);
    }

    @Test
    void compoundIsPaddedLinkedAndMarkedRelated() throws Exception {
        transport.reply(response(primed(), 0, 8, 0));
        Thread.sleep(50);
        byte[] a = request(5);
        byte[] b = java.util.Arrays.copyOf(request(16), 70);
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                connection.callCompound(List.of(Outgoing.of(a), Outgoing.of(b)));
            } catch (Exception ignored) {
                // the test only inspects the frame
            }
        });
        byte[] frame = transport.nextSent();
        assertThat(HeaderView.i32(frame, HeaderView.OFF_NEXT)).isEqualTo(72);
        assertThat(HeaderView.i32(frame, 72 + HeaderView.OFF_FLAGS) & HeaderView.FLAG_RELATED).isNotZero();
        assertThat(frame.length).isEqualTo(72 + 70);
        t.interrupt();
    }

    @Test
    void badSignatureFailsTheRequestClearly() throws Exception {
        MessageSecurity bad = new MessageSecurity() {
            public long sessionId() { return 7; }
            public boolean signing() { return true; }
            public boolean encrypting() { return false; }
            public void sign(byte[] m) { HeaderView.put32(m, HeaderView.OFF_FLAGS, HeaderView.FLAG_SIGNED); }
            public boolean verify(byte[] m) { return false; }
            public byte[] seal(byte[] p) { return p; }
            public byte[] open(byte[] t) { return t; }
        };
        connection.register(bad);
        byte[] req = request(8);
        HeaderView.put64(req, HeaderView.OFF_SESSION_ID, 7);
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(req));
        byte[] sent = transport.nextSent();
        assertThat(HeaderView.i32(sent, HeaderView.OFF_FLAGS) & HeaderView.FLAG_SIGNED).isNotZero();
        transport.reply(response(sent, 0, 1, HeaderView.FLAG_SIGNED));
        assertThatThrownBy(() -> connection.await(f)).isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("bad signature");
    }

    @Test
    void unsignedResponseOnASignedSessionIsRefused() throws Exception {
        MessageSecurity good = new MessageSecurity() {
            public long sessionId() { return 9; }
            public boolean signing() { return true; }
            public boolean encrypting() { return false; }
            public void sign(byte[] m) { }
            public boolean verify(byte[] m) { return true; }
            public byte[] seal(byte[] p) { return p; }
            public byte[] open(byte[] t) { return t; }
        };
        connection.register(good);
        byte[] req = request(8);
        HeaderView.put64(req, HeaderView.OFF_SESSION_ID, 9);
        CompletableFuture<Incoming> f = connection.submit(Outgoing.of(req));
        transport.reply(response(transport.nextSent(), 0xC0000022, 1, 0));
        assertThatThrownBy(() -> connection.await(f)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("unsigned");
    }

    @Test
    void smb311TreeConnectIsSignedWhenSigningIsOff() throws Exception {
        org.smbscope.codec.crypto.Smb2Signer signer = org.smbscope.codec.crypto.Smb2Signer.of(
                org.smbscope.codec.crypto.SigningAlgorithm.AES_CMAC, new byte[16]);
        SessionSecurity off311 = new SessionSecurity(11, signer, null, false, false, true);
        connection.register(off311);
        byte[] tree = request(3); // TREE_CONNECT
        HeaderView.put64(tree, HeaderView.OFF_SESSION_ID, 11);
        CompletableFuture<Incoming> t = connection.submit(Outgoing.of(tree));
        byte[] sentTree = transport.nextSent();
        assertThat(HeaderView.i32(sentTree, HeaderView.OFF_FLAGS) & HeaderView.FLAG_SIGNED).isNotZero();
        assertThat(signer.verify(sentTree, 0, sentTree.length)).isTrue();
        transport.reply(response(sentTree, 0, 4, 0));
        connection.await(t);

        byte[] read = request(8); // READ: not signed
        HeaderView.put64(read, HeaderView.OFF_SESSION_ID, 11);
        CompletableFuture<Incoming> r = connection.submit(Outgoing.of(read));
        byte[] sentRead = transport.nextSent();
        assertThat(HeaderView.i32(sentRead, HeaderView.OFF_FLAGS) & HeaderView.FLAG_SIGNED).isZero();
        transport.reply(response(sentRead, 0, 4, 0));
        connection.await(r);
    }

    @Test
    void beforeSmb311NothingIsSignedWhenSigningIsOff() {
        SessionSecurity off30 = new SessionSecurity(12, org.smbscope.codec.crypto.Smb2Signer.of(
                org.smbscope.codec.crypto.SigningAlgorithm.AES_CMAC, new byte[16]), null, false, false, false);
        assertThat(off30.signs(3)).isFalse();
        assertThat(off30.signs(8)).isFalse();
    }

    @Test
    void splitChecksNextCommand() {
        byte[] a = request(1);
        HeaderView.put32(a, HeaderView.OFF_NEXT, 4096);
        assertThatThrownBy(() -> Smb2Connection.split(a)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("NextCommand");
    }
}
