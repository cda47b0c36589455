package org.smbscope.codec.smb1;

import java.util.Arrays;

import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_SESSION_SETUP_ANDX request, NT LM 0.12 form ([MS-CIFS] 2.2.4.53.1, WordCount 13: LM and NT
 * responses, account, domain) or extended security ([MS-SMB] 2.2.4.6.1, WordCount 12: security blob).
 * {@code securityBlob} is null for the non-extended form.
 */
public record SessionSetupAndXRequest(int maxBufferSize, int maxMpxCount, int vcNumber, long sessionKey,
        Capabilities capabilities, byte[] securityBlob, byte[] lmResponse, byte[] ntResponse, String accountName,
        String primaryDomain, String nativeOs, String nativeLanMan) implements Smb1Message {
    public SessionSetupAndXRequest {
        securityBlob = securityBlob == null ? null : securityBlob.clone();
        lmResponse = lmResponse == null ? new byte[0] : lmResponse.clone();
        ntResponse = ntResponse == null ? new byte[0] : ntResponse.clone();
        accountName = accountName == null ? "" : accountName;
        primaryDomain = primaryDomain == null ? "" : primaryDomain;
    }

    public static SessionSetupAndXRequest extended(int maxBufferSize, int maxMpxCount, int vcNumber, long sessionKey,
            Capabilities caps, byte[] blob, String nativeOs, String nativeLanMan) {
        return new SessionSetupAndXRequest(maxBufferSize, maxMpxCount, vcNumber, sessionKey, caps, blob, null, null,
                null, null, nativeOs, nativeLanMan);
    }

    public static SessionSetupAndXRequest ntlm012(int maxBufferSize, int maxMpxCount, int vcNumber, long sessionKey,
            Capabilities caps, byte[] lm, byte[] nt, String account, String domain, String nativeOs,
            String nativeLanMan) {
        return new SessionSetupAndXRequest(maxBufferSize, maxMpxCount, vcNumber, sessionKey, caps, null, lm, nt,
                account, domain, nativeOs, nativeLanMan);
    }

    public boolean isExtended() {
        return securityBlob != null;
    }

    @Override
    public byte[] securityBlob() {
        return securityBlob == null ? null : securityBlob.clone();
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
    public Smb1Command command() {
        return Smb1Command.SESSION_SETUP_ANDX;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static SessionSetupAndXRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        WireReader d = Smb1Strings.reader(b.data());
        boolean uni = h.flags2().unicode();
        int base = b.dataOffset();
        if (b.wordCount() == 12) {
            p.skip("AndX", 4);
            int maxBuf = p.u16le("MaxBufferSize");
            int mpx = p.u16le("MaxMpxCount");
            int vc = p.u16le("VcNumber");
            long key = p.u32le("SessionKey");
            int blobLen = p.u16le("SecurityBlobLength");
            p.skip("Reserved", 4);
            Capabilities caps = new Capabilities(p.u32le("Capabilities"));
            byte[] blob = d.bytes("SecurityBlob", blobLen);
            String os = Smb1Strings.read(d, base, uni, true, "NativeOS");
            String lanman = Smb1Strings.read(d, base, uni, true, "NativeLanMan");
            return extended(maxBuf, mpx, vc, key, caps, blob, os, lanman);
        }
        if (b.wordCount() != 13) {
            throw p.failAt("WordCount", b.offset(), "SESSION_SETUP_ANDX request WordCount " + b.wordCount()
                    + ", expected 12 or 13");
        }
        p.skip("AndX", 4);
        int maxBuf = p.u16le("MaxBufferSize");
        int mpx = p.u16le("MaxMpxCount");
        int vc = p.u16le("VcNumber");
        long key = p.u32le("SessionKey");
        int lmLen = p.u16le("OEMPasswordLen");
        int ntLen = p.u16le("UnicodePasswordLen");
        p.skip("Reserved", 4);
        Capabilities caps = new Capabilities(p.u32le("Capabilities"));
        byte[] lm = d.bytes("OEMPassword", lmLen);
        byte[] nt = d.bytes("UnicodePassword", ntLen);
        String account = Smb1Strings.read(d, base, uni, true, "AccountName");
        String domain = Smb1Strings.read(d, base, uni, true, "PrimaryDomain");
        String os = Smb1Strings.read(d, base, uni, true, "NativeOS");
        String lanman = Smb1Strings.read(d, base, uni, true, "NativeLanMan");
        return ntlm012(maxBuf, mpx, vc, key, caps, lm, nt, account, domain, os, lanman);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter();
        p.u32le(0xFF).u16le(maxBufferSize).u16le(maxMpxCount).u16le(vcNumber).u32le(sessionKey);
        if (isExtended()) {
            p.u16le(securityBlob.length);
        } else {
            p.u16le(lmResponse.length).u16le(ntResponse.length);
        }
        p.u32le(0).u32le(capabilities.value());
        int base = offset + 1 + p.size() + 2;
        WireWriter d = new WireWriter();
        boolean uni = flags2.unicode();
        if (isExtended()) {
            d.bytes(securityBlob);
        } else {
            d.bytes(lmResponse).bytes(ntResponse);
            Smb1Strings.write(d, base, accountName, uni, true);
            Smb1Strings.write(d, base, primaryDomain, uni, true);
        }
        Smb1Strings.write(d, base, nativeOs, uni, true);
        Smb1Strings.write(d, base, nativeLanMan, uni, true);
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        HexFormat hex = HexFormat.of();
        Detail d = Detail.of("Session Setup AndX Request").field("Word Count (WCT)", isExtended() ? 12 : 13)
                .field("Max Buffer", maxBufferSize).field("Max Mpx Count", maxMpxCount)
                .field("VC Number", vcNumber).field("Session Key", String.format("0x%08x", sessionKey));
        if (isExtended()) {
            d.field("Security Blob Length", securityBlob.length).field("Capabilities", capabilities)
                    .field("Security Blob", hex.formatHex(securityBlob));
        } else {
            d.field("ANSI Password Length", lmResponse.length).field("Unicode Password Length", ntResponse.length)
                    .field("Capabilities", capabilities)
                    .field("ANSI Password", hex.formatHex(lmResponse))
                    .field("Unicode Password", hex.formatHex(ntResponse))
                    .field("Account", accountName).field("Primary Domain", primaryDomain);
        }
        return d.field("Native OS", nativeOs).field("Native LAN Manager", nativeLanMan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionSetupAndXRequest r && maxBufferSize == r.maxBufferSize
                && maxMpxCount == r.maxMpxCount && vcNumber == r.vcNumber && sessionKey == r.sessionKey
                && capabilities.equals(r.capabilities) && Arrays.equals(securityBlob, r.securityBlob)
                && Arrays.equals(lmResponse, r.lmResponse) && Arrays.equals(ntResponse, r.ntResponse)
                && accountName.equals(r.accountName) && primaryDomain.equals(r.primaryDomain)
                && java.util.Objects.equals(nativeOs, r.nativeOs) && java.util.Objects.equals(nativeLanMan, r.nativeLanMan);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(securityBlob) * 31 + Arrays.hashCode(ntResponse) + accountName.hashCode();
    }
}
