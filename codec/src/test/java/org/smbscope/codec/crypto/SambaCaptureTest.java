package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof against a real peer: /work/shared/captures/i_smb311_encrypt.pcapng, smbclient -m SMB3_11
 * to Samba 4.17 with "smb encrypt = required" (AES-128-GCM, AES-GMAC signing), whose session
 * keys Samba printed with "debug encryption = yes" (see i_smb311_encrypt.txt). From the session
 * key and the captured handshake we derive the same keys, verify the signed final SESSION_SETUP
 * response, decrypt every encrypted frame and re-seal each one byte for byte.
 */
class SambaCaptureTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SESSION_KEY = HEX.parseHex("f1a995d9357d130721fda179bfc72add");
    private static final long SESSION_ID = 0x00000000B4B7CFBCL;
    private static CaptureFrames capture;

    @BeforeAll
    static void load() throws Exception {
        capture = CaptureFrames.load("i_smb311_encrypt.frames");
    }

    private static PreauthHash sessionPreauth() {
        // negotiate request 5 and response 7; session setup requests 9, 11 and the
        // MORE_PROCESSING response 10 (the final success response 12 is not hashed)
        return PreauthHash.initial().update(capture.smb(5)).update(capture.smb(7))
                .update(capture.smb(9)).update(capture.smb(10)).update(capture.smb(11));
    }

    private static Smb3Keys keys() {
        return Smb3Keys.derive(0x0311, CipherId.AES_128_GCM, SESSION_KEY, sessionPreauth());
    }

    @Test
    void derivesTheKeysSambaPrinted() {
        Smb3Keys k = keys();
        assertThat(HEX.formatHex(k.signing())).isEqualTo("378c5ecb1a0b65653ff82696aba89cd8");
        assertThat(HEX.formatHex(k.application())).isEqualTo("9aac2380c87a66edc44398784fa05f11");
        assertThat(HEX.formatHex(k.encrypting())).isEqualTo("e2ecf8424bc467e67200d32a40d706bc"); // ServerIn
        assertThat(HEX.formatHex(k.decrypting())).isEqualTo("bca0031ee4289fbc1826134813d04374"); // ServerOut
        assertThat(k.toString()).doesNotContain("378c").contains("AES-128-GCM");
    }

    @Test
    void verifiesTheSignedSessionSetupResponseWithGmac() {
        byte[] f12 = capture.smb(12);
        Smb2Signer signer = Smb2Signer.of(keys(), SigningAlgorithm.AES_GMAC);
        assertThat(signer.verify(f12, 0, f12.length)).isTrue();

        byte[] resigned = f12.clone();
        Arrays.fill(resigned, 48, 64, (byte) 0);
        signer.sign(resigned, 0, resigned.length);
        assertThat(resigned).isEqualTo(f12);

        byte[] altered = f12.clone();
        altered[altered.length - 1] ^= 1;
        assertThat(signer.verify(altered, 0, altered.length)).isFalse();
        // the CMAC of the same key does not verify it: the algorithm matters
        assertThat(Smb2Signer.of(keys(), SigningAlgorithm.AES_CMAC).verify(f12, 0, f12.length)).isFalse();
    }

    @Test
    void opensEveryEncryptedFrameOfTheSessionAndResealsItIdentically() throws Exception {
        Smb3Keys client = keys();
        Smb3Transform clientSide = Smb3Transform.of(client, n -> {
            throw new AssertionError();
        });
        int opened = 0;
        for (CaptureFrames.Frame f : capture.frames().values()) {
            if (f.number() > 50 || !Smb3Transform.isTransform(f.smb(), 0, f.smb().length)) {
                continue; // frames after 50 are the second, refused connection
            }
            byte[] wire = f.smb();
            assertThat(Smb3Transform.sessionId(wire, 0, wire.length)).isEqualTo(SESSION_ID);
            // a client opens what the server sent; a server opens what the client sent
            Smb3Transform opener = f.fromServer() ? clientSide : Smb3Transform.of(client.forServer(), n -> null);
            byte[] plain = opener.open(wire);
            assertThat(Arrays.copyOf(plain, 4)).as("frame %d", f.number()).isEqualTo(new byte[] {(byte) 0xFE, 'S', 'M', 'B'});

            byte[] nonce = Arrays.copyOfRange(wire, 20, 32);
            Smb3Keys sealing = f.fromServer() ? client.forServer() : client;
            byte[] resealed = Smb3Transform.of(sealing, n -> nonce.clone()).seal(SESSION_ID, plain);
            assertThat(resealed).as("frame %d", f.number()).isEqualTo(wire);
            opened++;
        }
        assertThat(opened).isEqualTo(32);
    }

    @Test
    void refusesAFrameOpenedWithTheWrongDirectionsKey() {
        byte[] wire = capture.smb(13); // client to server
        assertThatThrownBy(() -> Smb3Transform.open(keys(), wire))
                .isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("AES-128-GCM authentication failed");
    }
}
