package org.smbscope.codec.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.WireReader;

/**
 * An NTLMSSP message, [MS-NLMP] 2.2.1: NEGOTIATE (type 1), CHALLENGE (type 2) or
 * AUTHENTICATE (type 3). {@link #decode(byte[])} reads any of them.
 */
public sealed interface NtlmMessage extends Described
        permits NegotiateMessage, ChallengeMessage, AuthenticateMessage {
    byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    /** 1, 2 or 3. */
    int messageType();

    Set<NegotiateFlag> flags();

    byte[] encode();

    /** Decodes one message, whatever its type. */
    static NtlmMessage decode(byte[] bytes) throws NtlmDecodeException {
        try {
            WireReader r = WireReader.of(bytes, NtlmDecodeException::new);
            byte[] sig = r.bytes("Signature", 8);
            if (!java.util.Arrays.equals(sig, SIGNATURE)) {
                throw r.failAt("Signature", 0, "not NTLMSSP");
            }
            long type = r.u32le("MessageType");
            return switch ((int) type) {
                case 1 -> NegotiateMessage.read(bytes);
                case 2 -> ChallengeMessage.read(bytes);
                case 3 -> AuthenticateMessage.read(bytes);
                default -> throw r.failAt("MessageType", 8, "unknown message type " + type);
            };
        } catch (DecodeException e) {
            throw asNtlm(e);
        }
    }

    /** Whether {@code bytes} start with the NTLMSSP signature. */
    static boolean isNtlmssp(byte[] bytes) {
        return bytes.length >= 8 && java.util.Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8);
    }

    static NtlmDecodeException asNtlm(DecodeException e) {
        return e instanceof NtlmDecodeException n ? n : new NtlmDecodeException(e.field(), e.offset(), e.detail());
    }

    static String typeName(int type) {
        return switch (type) {
            case 1 -> "NTLMSSP_NEGOTIATE (0x00000001)";
            case 2 -> "NTLMSSP_CHALLENGE (0x00000002)";
            case 3 -> "NTLMSSP_AUTH (0x00000003)";
            default -> String.format("UNKNOWN (0x%08x)", type);
        };
    }
}
