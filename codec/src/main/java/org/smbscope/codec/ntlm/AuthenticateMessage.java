package org.smbscope.codec.ntlm;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.1.3 AUTHENTICATE_MESSAGE: LM and NT challenge responses, domain, user and
 * workstation names, the encrypted random session key, flags, version and the MIC (16 bytes at
 * offset 72 when present). Whether the version and MIC fields are present is decided from where
 * the payload starts, as Windows and Wireshark do.
 *
 * <p>Payloads are written in the order of the specification's examples: domain, user,
 * workstation, LM response, NT response, session key.
 *
 * @param version null when absent
 * @param mic null when absent
 */
public record AuthenticateMessage(Set<NegotiateFlag> flags, byte[] lmResponse, byte[] ntResponse, String domain,
        String user, String workstation, byte[] encryptedRandomSessionKey, Version version, byte[] mic)
        implements NtlmMessage {
    /** Offset of the MIC field from the start of the message. */
    public static final int MIC_OFFSET = 72;

    public AuthenticateMessage {
        flags = flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
        lmResponse = lmResponse == null ? new byte[0] : lmResponse.clone();
        ntResponse = ntResponse == null ? new byte[0] : ntResponse.clone();
        domain = domain == null ? "" : domain;
        user = user == null ? "" : user;
        workstation = workstation == null ? "" : workstation;
        encryptedRandomSessionKey = encryptedRandomSessionKey == null ? new byte[0] : encryptedRandomSessionKey.clone();
        if (mic != null && mic.length != 16) {
            throw new IllegalArgumentException("MIC must be 16 bytes");
        }
        mic = mic == null ? null : mic.clone();
    }

    @Override
    public Set<NegotiateFlag> flags() {
        return flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
    }

    @Override
    public byte[] lmResponse() {
        return lmResponse.clone();
    }

    @Override
    public byte[] ntResponse() {
        return ntResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    @Override
    public int messageType() {
        return 3;
    }

    /** A copy with another MIC (all zeros while the MIC is computed). */
    public AuthenticateMessage withMic(byte[] newMic) {
        return new AuthenticateMessage(flags, lmResponse, ntResponse, domain, user, workstation,
                encryptedRandomSessionKey, version, newMic);
    }

    /** Anonymous: empty user, empty NT response and an LM response that is empty or one zero byte. */
    public boolean isAnonymous() {
        return user.isEmpty() && ntResponse.length == 0
                && (lmResponse.length == 0 || (lmResponse.length == 1 && lmResponse[0] == 0));
    }

    static AuthenticateMessage read(byte[] bytes) throws DecodeException {
        WireReader r = WireReader.of(bytes, NtlmDecodeException::new);
        r.skip("Signature", 12);
        SecurityBuffer lm = SecurityBuffer.read(r, "LmChallengeResponse");
        SecurityBuffer nt = SecurityBuffer.read(r, "NtChallengeResponse");
        SecurityBuffer dom = SecurityBuffer.read(r, "DomainName");
        SecurityBuffer usr = SecurityBuffer.read(r, "UserName");
        SecurityBuffer ws = SecurityBuffer.read(r, "Workstation");
        SecurityBuffer key = SecurityBuffer.read(r, "EncryptedRandomSessionKey");
        Set<NegotiateFlag> flags = NegotiateFlag.fromBits(r.u32le("NegotiateFlags"));
        long start = bytes.length;
        for (SecurityBuffer b : new SecurityBuffer[] {lm, nt, dom, usr, ws, key}) {
            start = Math.min(start, b.start());
        }
        Version version = null;
        byte[] mic = null;
        if (start >= 72 && r.remaining() >= 8) {
            Version v = Version.read(r);
            if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION)) {
                version = v;
            }
            if (start >= 88 && r.remaining() >= 16) {
                mic = r.bytes("MIC", 16);
            }
        }
        boolean unicode = flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE);
        return new AuthenticateMessage(flags, lm.bytes(r, "LmChallengeResponse"), nt.bytes(r, "NtChallengeResponse"),
                dom.text(r, "DomainName", unicode), usr.text(r, "UserName", unicode),
                ws.text(r, "Workstation", unicode), key.bytes(r, "EncryptedRandomSessionKey"), version, mic);
    }

    @Override
    public byte[] encode() {
        boolean unicode = flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE);
        WireWriter w = new WireWriter();
        w.bytes(SIGNATURE).u32le(3);
        SecurityBuffer.Pending lm = new SecurityBuffer.Pending(w);
        SecurityBuffer.Pending nt = new SecurityBuffer.Pending(w);
        SecurityBuffer.Pending dom = new SecurityBuffer.Pending(w);
        SecurityBuffer.Pending usr = new SecurityBuffer.Pending(w);
        SecurityBuffer.Pending ws = new SecurityBuffer.Pending(w);
        SecurityBuffer.Pending key = new SecurityBuffer.Pending(w);
        w.u32le(NegotiateFlag.toBits(flags));
        if (version != null || mic != null) {
            if (version != null) {
                version.write(w);
            } else {
                w.zeros(8);
            }
        }
        if (mic != null) {
            w.bytes(mic);
        }
        dom.fill(w, SecurityBuffer.encodeText(domain, unicode));
        usr.fill(w, SecurityBuffer.encodeText(user, unicode));
        ws.fill(w, SecurityBuffer.encodeText(workstation, unicode));
        lm.fill(w, lmResponse);
        nt.fill(w, ntResponse);
        key.fill(w, encryptedRandomSessionKey);
        return w.toByteArray();
    }

    /** What kind of response the NtChallengeResponse is, judged by its shape. */
    public String responseKind() {
        if (isAnonymous()) {
            return "anonymous";
        }
        if (ntResponse.length > 24) {
            return "NTLMv2";
        }
        if (ntResponse.length == 24) {
            if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)
                    && lmResponse.length == 24 && Arrays.equals(lmResponse, 8, 24, new byte[16], 0, 16)) {
                return "NTLMv1 with extended session security (NTLM2 session response)";
            }
            return "NTLMv1";
        }
        if (ntResponse.length == 0 && lmResponse.length == 24) {
            return "LM only";
        }
        return "unknown";
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NTLM Secure Service Provider")
                .field("NTLMSSP identifier", "NTLMSSP")
                .field("NTLM Message Type", NtlmMessage.typeName(3));
        Detail lm = Detail.of("Lan Manager Response: " + Hex.format(lmResponse))
                .field("Length", lmResponse.length);
        d.child(lm);
        Detail nt = Detail.of("NTLM Response: " + (ntResponse.length > 32 ? Hex.format(Arrays.copyOf(ntResponse, 16)) + "..." : Hex.format(ntResponse)))
                .field("Length", ntResponse.length)
                .field("Kind", responseKind());
        if (ntResponse.length > 24) {
            try {
                nt.child(NtlmV2Response.decode(ntResponse).detail());
            } catch (NtlmDecodeException e) {
                nt.field("Malformed NTLMv2 response", e.getMessage());
            }
        }
        d.child(nt);
        d.field("Domain name", domain.isEmpty() ? "NULL" : domain)
                .field("User name", user.isEmpty() ? "NULL" : user)
                .field("Host name", workstation.isEmpty() ? "NULL" : workstation);
        if (encryptedRandomSessionKey.length > 0) {
            d.field("Session Key", Hex.format(encryptedRandomSessionKey));
        }
        d.field("Negotiate Flags", NegotiateFlag.describe(flags));
        if (version != null) {
            d.field("Version", version);
        }
        if (mic != null) {
            d.field("MIC", Hex.format(mic));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticateMessage a && a.flags.equals(flags) && Arrays.equals(a.lmResponse, lmResponse)
                && Arrays.equals(a.ntResponse, ntResponse) && a.domain.equals(domain) && a.user.equals(user)
                && a.workstation.equals(workstation) && Arrays.equals(a.encryptedRandomSessionKey, encryptedRandomSessionKey)
                && Objects.equals(a.version, version) && Arrays.equals(a.mic, mic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, domain, user, workstation) * 31 + Arrays.hashCode(ntResponse);
    }
}
