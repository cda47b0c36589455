package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.crypto.SigningAlgorithm;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Flags;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.WriteRequest;

class ArrivingWriteTest {
    private static final int DATA = 200_000;

    private static ByteBuffer frame(Smb2Header h) {
        byte[] m = Smb2Codec.encode(h, new WriteRequest(0, new FileId(1, 2), 0, 0, 0, ByteBuffer.allocate(DATA)));
        ByteBuffer b = ByteBuffer.allocateDirect(m.length);
        b.put(m, 0, ArrivingWrite.HEAD); // only the header and fixed part have arrived
        return b;
    }

    @Test
    void aPlainLoneWriteQualifiesOnItsHeadAlone() {
        ByteBuffer b = frame(Smb2Header.request(Smb2Command.WRITE, 5));
        assertThat(ArrivingWrite.qualifies(b, ArrivingWrite.HEAD + DATA)).isTrue();
        assertThat(ArrivingWrite.qualifies(b, ArrivingWrite.HEAD + DATA + 1)).as("length disagrees").isFalse();
    }

    @Test
    void otherCommandsAndShortHeadsDoNot() {
        Smb2Header signed = Smb2Header.request(Smb2Command.WRITE, 5).withFlags(Smb2Flags.SIGNED);
        assertThat(ArrivingWrite.qualifies(frame(signed), ArrivingWrite.HEAD + DATA)).as("signed: verified").isTrue();
        ByteBuffer read = frame(Smb2Header.request(Smb2Command.WRITE, 5));
        read.putShort(12, (short) 0x0800); // READ, little endian
        assertThat(ArrivingWrite.qualifies(read, ArrivingWrite.HEAD + DATA)).isFalse();
        ByteBuffer shortHead = frame(Smb2Header.request(Smb2Command.WRITE, 5)).position(ArrivingWrite.HEAD - 1);
        assertThat(ArrivingWrite.qualifies(shortHead, ArrivingWrite.HEAD + DATA)).isFalse();
    }

    @Test
    void awaitReturnsOnceTheReaderHasComeFarEnough() throws Exception {
        int length = ArrivingWrite.HEAD + DATA;
        ArrivingWrite a = new ArrivingWrite(length, ArrivingWrite.HEAD);
        assertThat(a.await(0)).isZero();
        AtomicInteger got = new AtomicInteger(-1);
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                got.set(a.await(150_000));
            } catch (java.io.IOException e) {
                got.set(-2);
            }
        });
        a.advanced(ArrivingWrite.HEAD + 100_000);
        a.advanced(ArrivingWrite.HEAD + 160_000);
        t.join();
        assertThat(got.get()).isGreaterThanOrEqualTo(150_000);
        a.advanced(length);
        a.ended(true);
        assertThat(a.await(DATA + 10)).as("capped at the data's length").isEqualTo(DATA);
        a.awaitEnd();
        assertThat(a.broken()).isFalse();
    }

    @Test
    void aSignedWriteIsVerifiedAsItArrives() throws Exception {
        Smb2Signer signer = Smb2Signer.of(SigningAlgorithm.AES_GMAC, new byte[16]);
        byte[] m = Smb2Codec.encode(Smb2Header.request(Smb2Command.WRITE, 5).withFlags(Smb2Flags.SIGNED),
                new WriteRequest(0, new FileId(1, 2), 0, 0, 0, ByteBuffer.allocate(3 * ArrivingWrite.VERIFY_PART + 5)));
        m[m.length - 1] = 7;
        signer.sign(m, 0, m.length);
        for (boolean intact : new boolean[] {true, false}) {
            ByteBuffer b = ByteBuffer.allocateDirect(m.length).put(m, 0, ArrivingWrite.HEAD);
            ArrivingWrite a = new ArrivingWrite(m.length, ArrivingWrite.HEAD);
            Thread reader = Thread.ofVirtual().start(() -> {
                for (int at = ArrivingWrite.HEAD; at < m.length; at += 100_000) {
                    int n = Math.min(100_000, m.length - at);
                    b.put(at, m, at, n);
                    if (!intact && at + n == m.length) {
                        b.put(m.length - 1, (byte) 8);
                    }
                    a.advanced(at + n);
                }
                a.ended(true);
            });
            assertThat(a.verify(signer, b.duplicate().clear())).as("intact %s", intact).isEqualTo(intact);
            reader.join();
        }
    }

    @Test
    void aSealedFrameIsOpenedAsItArrives() throws Exception {
        org.smbscope.codec.crypto.Smb3Keys keys = org.smbscope.codec.crypto.Smb3Keys.derive(0x0311,
                org.smbscope.codec.crypto.CipherId.AES_128_GCM, new byte[16],
                org.smbscope.codec.crypto.PreauthHash.initial().update(new byte[] {1}));
        byte[] plain = Smb2Codec.encode(Smb2Header.request(Smb2Command.WRITE, 5),
                new WriteRequest(0, new FileId(1, 2), 0, 0, 0, ByteBuffer.allocate(2 * ArrivingWrite.VERIFY_PART + 3)));
        plain[plain.length - 1] = 9;
        byte[] wire = org.smbscope.codec.crypto.Smb3Transform.of(keys, n -> new byte[n]).seal(7, plain);
        org.smbscope.codec.crypto.Smb3Transform server = org.smbscope.codec.crypto.Smb3Transform.of(keys.forServer(),
                n -> null);
        int head = org.smbscope.codec.crypto.Smb3Transform.HEADER_LENGTH;
        ByteBuffer b = ByteBuffer.allocateDirect(wire.length + 16).put(wire, 0, ArrivingWrite.HEAD);
        assertThat(ArrivingWrite.sealed(b, wire.length)).isTrue();
        assertThat(ArrivingWrite.qualifies(b, wire.length)).isFalse();
        ArrivingWrite a = new ArrivingWrite(wire.length, ArrivingWrite.HEAD, head);
        Thread reader = Thread.ofVirtual().start(() -> {
            for (int at = ArrivingWrite.HEAD; at < wire.length; at += 70_000) {
                int n = Math.min(70_000, wire.length - at);
                b.put(at, wire, at, n);
                a.advanced(at + n);
            }
            a.ended(true);
        });
        ByteBuffer opened = a.open(server, b.duplicate().clear());
        reader.join();
        byte[] got = new byte[opened.remaining()];
        opened.get(got);
        assertThat(got).isEqualTo(plain);
    }

    @Test
    void aConnectionThatBreaksEndsTheWait() throws Exception {
        ArrivingWrite a = new ArrivingWrite(ArrivingWrite.HEAD + DATA, ArrivingWrite.HEAD + 10);
        Thread reader = Thread.ofVirtual().start(() -> a.ended(false));
        reader.join();
        assertThatThrownBy(() -> a.await(DATA)).isInstanceOf(EOFException.class);
        assertThat(a.await(10)).as("what had arrived is still there").isEqualTo(10);
        a.awaitEnd();
        assertThat(a.broken()).isTrue();
    }
}
