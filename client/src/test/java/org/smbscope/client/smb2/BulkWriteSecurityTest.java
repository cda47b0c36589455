package org.smbscope.client.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.client.FakeTransport;
import org.smbscope.client.WireTap;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.NonceSource;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.SigningAlgorithm;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.crypto.Smb3Transform;

/**
 * A WRITE whose data is in a direct buffer or a file goes out as the same frame as the joined message would:
 * signed over head and data where they are, sealed from them into a direct buffer, or sent from the file.
 */
class BulkWriteSecurityTest {
    private static final long SESSION = 0x44;
    private final FakeTransport transport = new FakeTransport();
    private final Smb2Connection connection = new Smb2Connection(transport, Clock.systemUTC(),
            Duration.ofMillis(500), WireTap.NONE, m -> null);

    @AfterEach
    void close() {
        connection.close();
    }

    private static byte[] head() {
        byte[] m = Smb2ConnectionTest.request(0x0009);
        HeaderView.put64(m, HeaderView.OFF_SESSION_ID, SESSION);
        return m;
    }

    private static byte[] data(int length) {
        byte[] d = new byte[length];
        new SplittableRandom(length).nextBytes(d);
        return d;
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] j = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, j, a.length, b.length);
        return j;
    }

    @Test
    void signedOverTheHeadAndTheDirectDataAsOverTheJoinedMessage() throws Exception {
        Smb2Signer signer = Smb2Signer.of(SigningAlgorithm.AES_GMAC, new byte[16]);
        connection.register(new SessionSecurity(SESSION, signer, null, true, false));
        byte[] data = data(300_001);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
        CompletableFuture<Incoming> f = connection.submit(new Outgoing(head(), 1), direct, null);
        byte[] sent = transport.nextSent();
        assertThat(sent).hasSize(72 + data.length);
        assertThat(Arrays.copyOfRange(sent, 72, sent.length)).isEqualTo(data);
        assertThat(HeaderView.i32(sent, HeaderView.OFF_FLAGS) & HeaderView.FLAG_SIGNED).isNotZero();
        assertThat(signer.verify(sent, 0, sent.length)).isTrue();
        assertThat(direct.position()).isZero();
        f.cancel(true);
    }

    @Test
    void sealedFromTheDirectDataIntoTheGivenBuffer() throws Exception {
        Smb3Keys keys = Smb3Keys.derive(0x0311, CipherId.AES_128_GCM, new byte[16], PreauthHash.initial());
        Smb3Transform client = Smb3Transform.of(keys, NonceSource.counter(new SplittableRandom(1)));
        connection.register(new SessionSecurity(SESSION, Smb2Signer.of(SigningAlgorithm.AES_GMAC, new byte[16]), client,
                false, true));
        byte[] data = data(200_003);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
        ByteBuffer sealed = ByteBuffer.allocateDirect(52 + 72 + data.length + 16);
        byte[] head = head();
        CompletableFuture<Incoming> f = connection.submit(new Outgoing(head, 1), direct, sealed);
        byte[] sent = transport.nextSent();
        byte[] plain = Smb3Transform.of(keys.forServer(), n -> null).open(sent);
        assertThat(Arrays.copyOfRange(plain, 72, plain.length)).isEqualTo(data);
        assertThat(HeaderView.u16(plain, HeaderView.OFF_COMMAND)).isEqualTo(0x0009);
        f.cancel(true);
    }

    @Test
    void sentFromAFileAsTheJoinedMessage(@TempDir Path dir) throws Exception {
        byte[] data = data(100_000);
        Path local = dir.resolve("up.bin");
        Files.write(local, data);
        try (FileChannel file = FileChannel.open(local, StandardOpenOption.READ)) {
            assertThat(connection.sendsPlain(SESSION, 0x0009)).isTrue();
            CompletableFuture<Incoming> f = connection.submit(new Outgoing(head(), 1), file, 1000, 50_000);
            byte[] sent = transport.nextSent();
            assertThat(Arrays.copyOfRange(sent, 72, sent.length)).isEqualTo(Arrays.copyOfRange(data, 1000, 51_000));
            f.cancel(true);
        }
    }
}
