package org.smbscope.codec.ntlm;

import java.util.EnumSet;
import java.util.Set;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.1.1 NEGOTIATE_MESSAGE: the client's flags, optionally its OEM domain and
 * workstation names (when the *_SUPPLIED flags are set) and its version.
 *
 * @param version null when NTLMSSP_NEGOTIATE_VERSION is not set
 */
public record NegotiateMessage(Set<NegotiateFlag> flags, String domain, String workstation, Version version)
        implements NtlmMessage {
    public NegotiateMessage {
        flags = flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
        domain = domain == null ? "" : domain;
        workstation = workstation == null ? "" : workstation;
    }

    @Override
    public Set<NegotiateFlag> flags() {
        return flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
    }

    @Override
    public int messageType() {
        return 1;
    }

    static NegotiateMessage read(byte[] bytes) throws DecodeException {
        WireReader r = WireReader.of(bytes, NtlmDecodeException::new);
        r.skip("Signature", 12);
        Set<NegotiateFlag> flags = NegotiateFlag.fromBits(r.u32le("NegotiateFlags"));
        if (r.remaining() < 16) {
            // Some old clients send only the first 16 bytes.
            return new NegotiateMessage(flags, "", "", null);
        }
        SecurityBuffer domain = SecurityBuffer.read(r, "DomainName");
        SecurityBuffer ws = SecurityBuffer.read(r, "WorkstationName");
        long payloadStart = Math.min(Math.min(domain.start(), ws.start()), bytes.length);
        Version version = null;
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION) && payloadStart >= 40 && r.remaining() >= 8) {
            version = Version.read(r);
        }
        String d = flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED)
                ? domain.text(r, "DomainName", false) : "";
        String w = flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED)
                ? ws.text(r, "WorkstationName", false) : "";
        return new NegotiateMessage(flags, d, w, version);
    }

    @Override
    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.bytes(SIGNATURE).u32le(1).u32le(NegotiateFlag.toBits(flags));
        SecurityBuffer.Pending d = new SecurityBuffer.Pending(w);
        SecurityBuffer.Pending ws = new SecurityBuffer.Pending(w);
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION)) {
            (version == null ? Version.DEFAULT : version).write(w);
        }
        d.fill(w, SecurityBuffer.encodeText(domain, false));
        ws.fill(w, SecurityBuffer.encodeText(workstation, false));
        return w.toByteArray();
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NTLM Secure Service Provider")
                .field("NTLMSSP identifier", "NTLMSSP")
                .field("NTLM Message Type", NtlmMessage.typeName(1))
                .field("Negotiate Flags", NegotiateFlag.describe(flags));
        if (!domain.isEmpty()) {
            d.field("Calling workstation domain", domain);
        }
        if (!workstation.isEmpty()) {
            d.field("Calling workstation name", workstation);
        }
        if (version != null) {
            d.field("Version", version);
        }
        return d;
    }
}
