package org.smbscope.codec.smb1;

import java.util.Arrays;

import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_NEGOTIATE response for NT LM 0.12 ([MS-CIFS] 2.2.4.52.2; extended security [MS-SMB]
 * 2.2.4.5.2.1), and the "no dialect" response (DialectIndex 0xFFFF, WordCount 1).
 * Non-extended: {@code challenge}, {@code domainName}, {@code serverName}; extended
 * (CAP_EXTENDED_SECURITY): {@code serverGuid}, {@code securityBlob}. Unused fields are empty.
 */
public record NegotiateResponse(int dialectIndex, SecurityMode securityMode, int maxMpxCount, int maxNumberVcs,
        long maxBufferSize, long maxRawSize, long sessionKey, Capabilities capabilities, long systemTime,
        int serverTimeZone, byte[] challenge, String domainName, String serverName, byte[] serverGuid,
        byte[] securityBlob) implements Smb1Message {
    public static final int NO_DIALECT = 0xFFFF;

    public NegotiateResponse {
        challenge = challenge == null ? new byte[0] : challenge.clone();
        serverGuid = serverGuid == null ? new byte[0] : serverGuid.clone();
        securityBlob = securityBlob == null ? new byte[0] : securityBlob.clone();
        domainName = domainName == null ? "" : domainName;
        serverName = serverName == null ? "" : serverName;
    }

    public static NegotiateResponse noDialect() {
        return new NegotiateResponse(NO_DIALECT, new SecurityMode(0), 0, 0, 0, 0, 0, new Capabilities(0), 0, 0,
                null, null, null, null, null);
    }

    public boolean isNoDialect() {
        return dialectIndex == NO_DIALECT;
    }

    public boolean extendedSecurity() {
        return capabilities.has(Capabilities.EXTENDED_SECURITY);
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public byte[] serverGuid() {
        return serverGuid.clone();
    }

    @Override
    public byte[] securityBlob() {
        return securityBlob.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.NEGOTIATE;
    }

    @Override
    public boolean isResponse() {
        return true;
    }

    static NegotiateResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() == 1) {
            int idx = p.u16le("DialectIndex");
            return new NegotiateResponse(idx, new SecurityMode(0), 0, 0, 0, 0, 0, new Capabilities(0), 0, 0,
                    null, null, null, null, null);
        }
        if (b.wordCount() != 17) {
            throw p.failAt("WordCount", b.offset(), "NT LM 0.12 NEGOTIATE response WordCount " + b.wordCount()
                    + ", expected 17 (or 1 for no dialect)");
        }
        int idx = p.u16le("DialectIndex");
        SecurityMode mode = new SecurityMode(p.u8("SecurityMode"));
        int mpx = p.u16le("MaxMpxCount");
        int vcs = p.u16le("MaxNumberVcs");
        long maxBuf = p.u32le("MaxBufferSize");
        long maxRaw = p.u32le("MaxRawSize");
        long key = p.u32le("SessionKey");
        Capabilities caps = new Capabilities(p.u32le("Capabilities"));
        long time = p.u64le("SystemTime");
        int tz = (short) p.u16le("ServerTimeZone");
        int chLen = p.u8("ChallengeLength");
        WireReader d = Smb1Strings.reader(b.data());
        if (caps.has(Capabilities.EXTENDED_SECURITY)) {
            byte[] guid = d.bytes("ServerGUID", 16);
            byte[] blob = d.rest();
            return new NegotiateResponse(idx, mode, mpx, vcs, maxBuf, maxRaw, key, caps, time, tz, null, null, null,
                    guid, blob);
        }
        byte[] ch = d.bytes("Challenge", chLen);
        boolean uni = h.flags2().unicode();
        String domain = Smb1Strings.read(d, b.dataOffset(), uni, false, "DomainName");
        String server = Smb1Strings.read(d, b.dataOffset(), uni, false, "ServerName");
        return new NegotiateResponse(idx, mode, mpx, vcs, maxBuf, maxRaw, key, caps, time, tz, ch, domain, server,
                null, null);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter();
        if (isNoDialect()) {
            p.u16le(dialectIndex);
            return new Smb1Block(command(), p.toByteArray(), new byte[0], offset);
        }
        p.u16le(dialectIndex).u8(securityMode.value()).u16le(maxMpxCount).u16le(maxNumberVcs).u32le(maxBufferSize)
                .u32le(maxRawSize).u32le(sessionKey).u32le(capabilities.value()).u64le(systemTime)
                .u16le(serverTimeZone & 0xFFFF).u8(extendedSecurity() ? 0 : challenge.length);
        WireWriter d = new WireWriter();
        int base = offset + 1 + 34 + 2;
        if (extendedSecurity()) {
            d.bytes(serverGuid.length == 16 ? serverGuid : new byte[16]).bytes(securityBlob);
        } else {
            d.bytes(challenge);
            Smb1Strings.write(d, base, domainName, flags2.unicode(), false);
            Smb1Strings.write(d, base, serverName, flags2.unicode(), false);
        }
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Negotiate Protocol Response");
        if (isNoDialect()) {
            return d.field("Word Count (WCT)", 1).field("Selected Index", "-1: the server accepted none of the dialects");
        }
        HexFormat hex = HexFormat.of();
        d.field("Word Count (WCT)", 17).field("Selected Index", dialectIndex + ": NT LM 0.12")
                .child(Detail.of("Security Mode: " + securityMode).line(securityMode.explain()))
                .field("Max Mpx Count", maxMpxCount).field("Max VCs", maxNumberVcs)
                .field("Max Buffer Size", maxBufferSize).field("Max Raw Buffer", maxRawSize)
                .field("Session Key", String.format("0x%08x", sessionKey))
                .field("Capabilities", capabilities)
                .field("System Time", systemTime)
                .field("Server Time Zone", serverTimeZone + " min from UTC")
                .field("Challenge Length", extendedSecurity() ? 0 : challenge.length);
        if (extendedSecurity()) {
            d.field("Server GUID", hex.formatHex(serverGuid)).field("Security Blob", securityBlob.length + " bytes");
        } else {
            d.field("Challenge/Response Encryption Key", hex.formatHex(challenge))
                    .field("Primary Domain", domainName).field("Server", serverName);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegotiateResponse r && dialectIndex == r.dialectIndex && securityMode.equals(r.securityMode)
                && maxMpxCount == r.maxMpxCount && maxNumberVcs == r.maxNumberVcs && maxBufferSize == r.maxBufferSize
                && maxRawSize == r.maxRawSize && sessionKey == r.sessionKey && capabilities.equals(r.capabilities)
                && systemTime == r.systemTime && serverTimeZone == r.serverTimeZone
                && Arrays.equals(challenge, r.challenge) && domainName.equals(r.domainName)
                && serverName.equals(r.serverName) && Arrays.equals(serverGuid, r.serverGuid)
                && Arrays.equals(securityBlob, r.securityBlob);
    }

    @Override
    public int hashCode() {
        return dialectIndex * 31 + Long.hashCode(systemTime) + Arrays.hashCode(challenge) + Arrays.hashCode(securityBlob);
    }
}
