package org.smbscope.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof against a real peer. Each data file is one smbclient connection to Samba 4.17 with
 * "smb encrypt = required" and the session keys Samba printed ("debug encryption = yes"):
 * SMB 3.0 and 3.0.2 (AES-128-CCM, AES-CMAC), 3.1.1 with AES-128-GCM, AES-128-CCM, AES-256-CCM,
 * AES-256-GCM and GMAC or CMAC signing. From the session key (and, for 3.1.1, the preauth hash
 * of the captured handshake) we derive Samba's keys, verify the signed final SESSION_SETUP
 * response, open every encrypted frame and re-seal it byte for byte with its captured nonce.
 * i_smb311_encrypt comes from /work/shared/captures; the others were made the same way with
 * /work/shared/lab/cap.sh (commands in each file's header).
 */
class SambaCaptureTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int NEGOTIATE = 0;
    private static final int SESSION_SETUP = 1;

    static Stream<String> captures() {
        return Stream.of("i_smb311_encrypt", "smb300_ccm", "smb302_ccm", "smb311_aes128ccm_cmac",
                "smb311_aes256ccm", "smb311_aes256gcm");
    }

    private static CaptureFrames load(String name) throws Exception {
        return CaptureFrames.load(name + ".frames");
    }

    /** The session's preauth hash: every NEGOTIATE and SESSION_SETUP but the final success response. */
    private static PreauthHash preauth(CaptureFrames c) {
        PreauthHash h = PreauthHash.initial();
        for (CaptureFrames.Frame f : c.frames()) {
            if (!f.isSmb2()) {
                continue;
            }
            if (f.command() == NEGOTIATE) {
                h = h.update(f.smb());
            } else if (f.command() == SESSION_SETUP) {
                if (f.fromServer() && f.status() == 0) {
                    return h;
                }
                h = h.update(f.smb());
            }
        }
        throw new AssertionError("no successful SESSION_SETUP in " + c);
    }

    private static CaptureFrames.Frame finalSessionSetupResponse(CaptureFrames c) {
        return c.frames().stream()
                .filter(f -> f.isSmb2() && f.fromServer() && f.command() == SESSION_SETUP && f.status() == 0)
                .findFirst().orElseThrow();
    }

    private static Smb3Keys keys(CaptureFrames c) {
        int dialect = Integer.decode(c.value("dialect"));
        CipherId cipher = CipherId.valueOf(c.value("cipher"));
        return Smb3Keys.derive(dialect, cipher, c.hex("sessionKey"), dialect == 0x0311 ? preauth(c) : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void derivesTheKeysSambaPrinted(String name) throws Exception {
        CaptureFrames c = load(name);
        Smb3Keys k = keys(c);
        assertThat(HEX.formatHex(k.signing())).isEqualTo(c.value("signingKey"));
        assertThat(HEX.formatHex(k.application())).isEqualTo(c.value("applicationKey"));
        assertThat(HEX.formatHex(k.encrypting())).isEqualTo(c.value("serverInKey"));
        assertThat(HEX.formatHex(k.decrypting())).isEqualTo(c.value("serverOutKey"));
        assertThat(k.toString()).doesNotContain(c.value("signingKey").substring(0, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void verifiesTheSignedSessionSetupResponse(String name) throws Exception {
        CaptureFrames c = load(name);
        SigningAlgorithm alg = SigningAlgorithm.valueOf(c.value("signing"));
        byte[] msg = finalSessionSetupResponse(c).smb();
        Smb2Signer signer = Smb2Signer.of(keys(c), alg);
        assertThat(signer.verify(msg, 0, msg.length)).isTrue();

        byte[] resigned = msg.clone();
        Arrays.fill(resigned, 48, 64, (byte) 0);
        signer.sign(resigned, 0, resigned.length);
        assertThat(resigned).isEqualTo(msg);

        byte[] altered = msg.clone();
        altered[altered.length - 1] ^= 1;
        assertThat(signer.verify(altered, 0, altered.length)).isFalse();
        SigningAlgorithm other = alg == SigningAlgorithm.AES_GMAC ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.AES_GMAC;
        assertThat(Smb2Signer.of(keys(c), other).verify(msg, 0, msg.length)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void opensEveryEncryptedFrameAndResealsItIdentically(String name) throws Exception {
        CaptureFrames c = load(name);
        Smb3Keys client = keys(c);
        long sessionId = Long.decode(c.value("sessionId"));
        int nonceLength = client.cipher().nonceLength();
        int opened = 0;
        for (CaptureFrames.Frame f : c.frames()) {
            if (!f.isTransform()) {
                continue;
            }
            byte[] wire = f.smb();
            assertThat(Smb3Transform.sessionId(wire, 0, wire.length)).isEqualTo(sessionId);
            // a client opens what the server sent; a server opens what the client sent
            Smb3Keys receiver = f.fromServer() ? client : client.forServer();
            byte[] plain = Smb3Transform.of(receiver, n -> {
                throw new AssertionError("opening needs no nonce");
            }).open(wire);
            assertThat(Arrays.copyOf(plain, 4)).as("frame %d", f.number()).isEqualTo(new byte[] {(byte) 0xFE, 'S', 'M', 'B'});

            byte[] nonce = Arrays.copyOfRange(wire, 20, 20 + nonceLength);
            Smb3Keys sender = f.fromServer() ? client.forServer() : client;
            byte[] resealed = Smb3Transform.of(sender, n -> nonce.clone()).seal(sessionId, plain);
            assertThat(resealed).as("frame %d", f.number()).isEqualTo(wire);
            opened++;
        }
        assertThat(opened).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void refusesAFrameOpenedWithTheOtherDirectionsKey(String name) throws Exception {
        CaptureFrames c = load(name);
        byte[] wire = c.frames().stream().filter(f -> f.isTransform() && !f.fromServer()).findFirst().orElseThrow().smb();
        assertThatThrownBy(() -> Smb3Transform.open(keys(c), wire))
                .isInstanceOf(CryptoDecodeException.class)
                .hasMessageContaining("authentication failed");
    }
}
