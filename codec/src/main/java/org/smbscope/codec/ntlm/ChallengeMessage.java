package org.smbscope.codec.ntlm;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.1.2 CHALLENGE_MESSAGE: the server's flags, target name, 8-byte server
 * challenge, target information (AV pairs) and version.
 *
 * @param targetInfo null when absent (NTLMSSP_NEGOTIATE_TARGET_INFO not set)
 * @param version null when NTLMSSP_NEGOTIATE_VERSION is not set
 */
public record ChallengeMessage(Set<NegotiateFlag> flags, String targetName, byte[] serverChallenge,
        TargetInfo targetInfo, Version version) implements NtlmMessage {
    public ChallengeMessage {
        flags = flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
        targetName = targetName == null ? "" : targetName;
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("server challenge must be 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
    }

    @Override
    public Set<NegotiateFlag> flags() {
        return flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    @Override
    public int messageType() {
        return 2;
    }

    boolean unicode() {
        return flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE);
    }

    static ChallengeMessage read(byte[] bytes) throws DecodeException {
        WireReader r = WireReader.of(bytes, NtlmDecodeException::new);
        r.skip("Signature", 12);
        SecurityBuffer target = SecurityBuffer.read(r, "TargetName");
        Set<NegotiateFlag> flags = NegotiateFlag.fromBits(r.u32le("NegotiateFlags"));
        byte[] challenge = r.bytes("ServerChallenge", 8);
        boolean unicode = flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE);
        String name = target.text(r, "TargetName", unicode);
        if (r.remaining() < 16) {
            // Minimal 32-byte messages from old servers have neither target info nor version.
            return new ChallengeMessage(flags, name, challenge, null, null);
        }
        r.skip("Reserved", 8);
        SecurityBuffer info = SecurityBuffer.read(r, "TargetInfo");
        long payloadStart = Math.min(Math.min(target.start(), info.start()), bytes.length);
        Version version = null;
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION) && payloadStart >= 56 && r.remaining() >= 8) {
            version = Version.read(r);
        }
        TargetInfo ti = null;
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_TARGET_INFO) || info.length() > 0) {
            ti = TargetInfo.read(info.window(r, "TargetInfo"));
        }
        return new ChallengeMessage(flags, name, challenge, ti, version);
    }

    @Override
    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.bytes(SIGNATURE).u32le(2);
        SecurityBuffer.Pending target = new SecurityBuffer.Pending(w);
        w.u32le(NegotiateFlag.toBits(flags)).bytes(serverChallenge).zeros(8);
        SecurityBuffer.Pending info = new SecurityBuffer.Pending(w);
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION)) {
            (version == null ? Version.DEFAULT : version).write(w);
        }
        target.fill(w, SecurityBuffer.encodeText(targetName, unicode()));
        if (targetInfo != null) {
            info.fill(w, targetInfo.encode());
        }
        return w.toByteArray();
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NTLM Secure Service Provider")
                .field("NTLMSSP identifier", "NTLMSSP")
                .field("NTLM Message Type", NtlmMessage.typeName(2))
                .field("Target Name", targetName)
                .field("Negotiate Flags", NegotiateFlag.describe(flags))
                .field("NTLM Server Challenge", Hex.format(serverChallenge));
        if (targetInfo != null) {
            d.child(targetInfo.detail("Target Info"));
        }
        if (version != null) {
            d.field("Version", version);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengeMessage c && c.flags.equals(flags) && c.targetName.equals(targetName)
                && Arrays.equals(c.serverChallenge, serverChallenge) && java.util.Objects.equals(c.targetInfo, targetInfo)
                && java.util.Objects.equals(c.version, version);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serverChallenge) * 31 + targetName.hashCode();
    }
}
