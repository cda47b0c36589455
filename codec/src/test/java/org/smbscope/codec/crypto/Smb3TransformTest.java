package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Transform header layout, round trips for every cipher, and hostile transform messages. */
class Smb3TransformTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SESSION_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

    private static Smb3Keys keys(CipherId cipher) {
        PreauthHash h = PreauthHash.initial().update(new byte[] {1, 2, 3});
        return Smb3Keys.derive(0x0311, cipher, SESSION_KEY, h);
    }

    private static NonceSource fixed(String hex) {
        return n -> Arrays.copyOf(HEX.parseHex(hex), n);
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void sealsTheDocumentedLayoutAndOpensOnTheOtherSide(CipherId cipher) throws Exception {
        byte[] plain = new byte[200];
        new SplittableRandom(1).nextBytes(plain);
        byte[] wire = Smb3Transform.of(keys(cipher), fixed("a1a2a3a4a5a6a7a8a9aaabac")).seal(0x1122334455667788L, plain);

        assertThat(wire).hasSize(52 + 200);
        assertThat(HEX.formatHex(wire, 0, 4)).isEqualTo("fd534d42");
        String nonce = cipher.isGcm() ? "a1a2a3a4a5a6a7a8a9aaabac00000000" : "a1a2a3a4a5a6a7a8a9aaab0000000000";
        assertThat(HEX.formatHex(wire, 20, 36)).isEqualTo(nonce);
        assertThat(HEX.formatHex(wire, 36, 52)).isEqualTo("c8000000" + "0000" + "0100" + "8877665544332211");
        assertThat(Smb3Transform.sessionId(wire, 0, wire.length)).isEqualTo(0x1122334455667788L);

        assertThat(Smb3Transform.of(keys(cipher).forServer(), fixed("00")).open(wire)).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void sealsAHeadAndADirectTailIntoADirectBufferAsSealWouldTheWhole(CipherId cipher) throws Exception {
        byte[] plain = new byte[200_017];
        new SplittableRandom(4).nextBytes(plain);
        byte[] head = Arrays.copyOf(plain, 80);
        java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocateDirect(plain.length).put(plain, 80, plain.length - 80).flip();
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocateDirect(52 + plain.length + 16);
        Smb3Transform client = Smb3Transform.of(keys(cipher), fixed("0102030405060708090a0b0c"));

        java.nio.ByteBuffer sealed = client.seal(42, head, tail, out);
        byte[] wire = new byte[sealed.remaining()];
        sealed.get(wire);
        assertThat(wire).isEqualTo(Smb3Transform.of(keys(cipher), fixed("0102030405060708090a0b0c")).seal(42, plain));
        assertThat(Smb3Transform.of(keys(cipher).forServer(), n -> null).open(wire)).isEqualTo(plain);
        assertThatThrownBy(() -> client.seal(42, head, java.nio.ByteBuffer.allocate(10), java.nio.ByteBuffer.allocate(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void opensInPlaceInADirectBuffer(CipherId cipher) throws Exception {
        byte[] plain = new byte[300_001];
        new SplittableRandom(2).nextBytes(plain);
        byte[] wire = Smb3Transform.of(keys(cipher), NonceSource.counter(new SplittableRandom(5))).seal(9, plain);
        Smb3Transform server = Smb3Transform.of(keys(cipher).forServer(), n -> null);
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocateDirect(wire.length + 4 + 16);
        frame.position(4);
        frame.put(wire).flip().position(4);

        java.nio.ByteBuffer opened = server.openInPlace(frame);
        byte[] got = new byte[opened.remaining()];
        opened.get(got);
        assertThat(got).isEqualTo(plain);

        // no room after the limit for the tag: opened from a copy
        java.nio.ByteBuffer tight = java.nio.ByteBuffer.allocateDirect(wire.length).put(wire).flip();
        java.nio.ByteBuffer copy = server.openInPlace(tight);
        got = new byte[copy.remaining()];
        copy.get(got);
        assertThat(got).isEqualTo(plain);

        java.nio.ByteBuffer bad = java.nio.ByteBuffer.allocateDirect(wire.length + 16).put(wire).flip();
        bad.put(1000, (byte) (wire[1000] ^ 1));
        assertThatThrownBy(() -> server.openInPlace(bad)).isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("authentication failed");
        java.nio.ByteBuffer shortOne = java.nio.ByteBuffer.allocateDirect(64).put(wire, 0, 40).flip();
        assertThatThrownBy(() -> server.openInPlace(shortOne)).isInstanceOf(CryptoDecodeException.class);
        java.nio.ByteBuffer lying = java.nio.ByteBuffer.allocateDirect(wire.length + 16).put(wire).flip().limit(wire.length - 1);
        assertThatThrownBy(() -> server.openInPlace(lying)).isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("OriginalMessageSize");
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void opensIntoAGivenArrayUsingTheMessageAsWorkingSpace(CipherId cipher) throws Exception {
        byte[] plain = new byte[200_003];
        new SplittableRandom(3).nextBytes(plain);
        Smb3Transform client = Smb3Transform.of(keys(cipher), NonceSource.counter(new SplittableRandom(6)));
        Smb3Transform server = Smb3Transform.of(keys(cipher).forServer(), n -> null);
        byte[] wire = client.seal(9, plain);
        byte[] into = new byte[plain.length];
        server.openInto(wire.clone(), into);
        assertThat(into).isEqualTo(plain);
        // a second message through the same (pooled) cipher
        byte[] wire2 = client.seal(9, plain);
        byte[] into2 = new byte[plain.length];
        server.openInto(wire2, into2);
        assertThat(into2).isEqualTo(plain);

        byte[] bad = wire.clone();
        bad[1000] ^= 1;
        assertThatThrownBy(() -> server.openInto(bad, new byte[plain.length])).isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("authentication failed");
        byte[] badTag = wire.clone();
        badTag[4] ^= 1;
        assertThatThrownBy(() -> server.openInto(badTag, new byte[plain.length])).isInstanceOf(CryptoDecodeException.class);
        assertThatThrownBy(() -> server.openInto(wire.clone(), new byte[plain.length - 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.openInto(Arrays.copyOf(wire, 40), new byte[0]))
                .isInstanceOf(CryptoDecodeException.class);
        byte[] lying = wire.clone();
        lying[36] ^= 1; // OriginalMessageSize
        assertThatThrownBy(() -> server.openInto(lying, new byte[plain.length])).isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("OriginalMessageSize");
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void opensPartByPartAsTheMessageArrives(CipherId cipher) throws Exception {
        byte[] plain = new byte[200_003];
        new SplittableRandom(4).nextBytes(plain);
        byte[] wire = Smb3Transform.of(keys(cipher), NonceSource.counter(new SplittableRandom(6))).seal(9, plain);
        Smb3Transform server = Smb3Transform.of(keys(cipher).forServer(), n -> null);
        byte[] header = java.util.Arrays.copyOf(wire, Smb3Transform.HEADER_LENGTH);
        Smb3Transform.Opening o = server.opening(header, wire.length);
        if (!cipher.isGcm()) {
            assertThat(o).as("CCM opens whole messages only").isNull();
            return;
        }
        for (boolean intact : new boolean[] {true, false}) {
            java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocateDirect(wire.length).put(wire).flip();
            if (!intact) {
                frame.put(wire.length - 1, (byte) (wire[wire.length - 1] ^ 1));
                o = server.opening(header, wire.length);
            }
            for (int at = Smb3Transform.HEADER_LENGTH, step = 1; at < wire.length; at += step, step = step * 5 + 3) {
                o.update(frame.slice(at, Math.min(step, wire.length - at)));
            }
            if (intact) {
                o.finish();
                byte[] got = new byte[plain.length];
                frame.get(Smb3Transform.HEADER_LENGTH, got);
                assertThat(got).isEqualTo(plain);
            } else {
                Smb3Transform.Opening altered = o;
                assertThatThrownBy(altered::finish).isInstanceOf(CryptoDecodeException.class)
                        .hasMessageContaining("authentication failed");
            }
        }
        assertThatThrownBy(() -> server.opening(header, wire.length - 1)).isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("OriginalMessageSize");
    }

    @Test
    void everyHeaderByteFromTheNonceOnIsAuthenticated() {
        Smb3Keys k = keys(CipherId.AES_128_GCM);
        byte[] wire = Smb3Transform.of(k, NonceSource.counter(new SplittableRandom(3))).seal(7, new byte[64]);
        Smb3Transform server = Smb3Transform.of(k.forServer(), n -> null);
        for (int i = 4; i < wire.length; i++) {
            if (i >= 36 && i < 44) {
                continue; // size and flags are checked before authentication
            }
            byte[] bad = wire.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> server.open(bad)).as("byte %d", i).isInstanceOf(CryptoDecodeException.class)
                    .hasMessageContaining("authentication failed");
        }
    }

    @Test
    void hostileMessagesGiveCryptoDecodeException() throws Exception {
        Smb3Transform t = Smb3Transform.of(keys(CipherId.AES_128_CCM), n -> null);
        byte[] good = Smb3Transform.of(keys(CipherId.AES_128_CCM).forServer(), fixed("01")).seal(1, new byte[80]);

        assertThatThrownBy(() -> t.open(new byte[0])).isInstanceOf(CryptoDecodeException.class).hasMessageContaining("needs 52 bytes");
        assertThatThrownBy(() -> t.open(Arrays.copyOf(good, 51))).isInstanceOf(CryptoDecodeException.class);
        byte[] smb2 = good.clone();
        smb2[0] = (byte) 0xFE;
        assertThatThrownBy(() -> t.open(smb2)).isInstanceOf(CryptoDecodeException.class).hasMessageContaining("ProtocolId");
        assertThatThrownBy(() -> t.open(Arrays.copyOf(good, good.length - 1))).isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("OriginalMessageSize 80 but 79");
        byte[] huge = good.clone();
        huge[39] = (byte) 0x7F;
        assertThatThrownBy(() -> t.open(huge)).isInstanceOf(CryptoDecodeException.class).hasMessageContaining("OriginalMessageSize");
        byte[] flags = good.clone();
        flags[42] = 2;
        assertThatThrownBy(() -> t.open(flags)).isInstanceOf(CryptoDecodeException.class).hasMessageContaining("Flags 0x0002");
        assertThat(t.open(good, 0, good.length)).hasSize(80);
    }

    @Test
    void counterNoncesNeverRepeat() {
        NonceSource s = NonceSource.counter(new SplittableRandom(9));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(HEX.formatHex(s.next(i % 2 == 0 ? 11 : 12), 0, 8))).isTrue();
        }
    }

    @Test
    void smb2xHasNoCipherKeys() {
        Smb3Keys k = Smb3Keys.derive(0x0210, null, SESSION_KEY, null);
        assertThat(k.canEncrypt()).isFalse();
        assertThat(k.signing()).isEqualTo(SESSION_KEY);
        assertThatThrownBy(() -> Smb3Transform.of(k, fixed("00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void preauthHashIsImmutableAndChains() {
        PreauthHash start = PreauthHash.initial();
        PreauthHash a = start.update(new byte[] {1});
        assertThat(start.value()).containsOnly(0);
        assertThat(a).isEqualTo(PreauthHash.initial().update(new byte[] {9, 1, 9}, 1, 1)).isNotEqualTo(start);
        assertThat(a.value()).hasSize(64);
    }
}
