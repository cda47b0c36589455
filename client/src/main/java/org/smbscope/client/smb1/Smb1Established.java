package org.smbscope.client.smb1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.MultiProtocolNegotiation;
import org.smbscope.client.NegotiatedInfo;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbSession;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.ntlm.LmCompatibilityLevel;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.SessionSetupAndXResponse;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.Smb1Signer;
import org.smbscope.codec.spnego.GssException;
import org.smbscope.codec.spnego.NtlmMechanism;
import org.smbscope.codec.spnego.SpnegoClient;
import org.smbscope.codec.status.NtStatus;

/**
 * A connection that negotiated NT LM 0.12. {@link #session} runs SESSION_SETUP_ANDX either with
 * extended security (SPNEGO/NTLMSSP blobs, [MS-SMB] 3.2.4.2.4) or in the NT LM 0.12 form with LM/NTLM
 * (or LMv2/NTLMv2) responses to the negotiate's 8-byte challenge ([MS-CIFS] 3.2.4.2.4), and turns
 * signing on when the server requires it or the client policy asks for it.
 */
final class Smb1Established implements SmbConnection {
    /** Large read/write chunk: 127 KiB keeps DataLengthHigh at 1, which Samba accepts even when signing. */
    static final int LARGE_CHUNK = 127 * 1024;

    final Smb1Connection connection;
    final ClientConfig config;
    final NegotiateResponse negotiate;
    final String serverName;
    final int pid;
    final boolean extended;
    final int readChunk;
    final int writeChunk;
    private final NegotiatedInfo info;
    private final MultiProtocolNegotiation multi;
    private volatile String signingNote = "";

    Smb1Established(Smb1Connection connection, ClientConfig config, NegotiateResponse negotiate, String serverName, int pid,
            MultiProtocolNegotiation multi) {
        this.connection = connection;
        this.config = config;
        this.negotiate = negotiate;
        this.serverName = serverName;
        this.pid = pid;
        this.multi = multi;
        this.extended = negotiate.extendedSecurity();
        connection.maxMpx(negotiate.maxMpxCount());
        int small = (int) Math.max(4096, Math.min(0xF000, negotiate.maxBufferSize() - 256));
        Capabilities caps = negotiate.capabilities();
        this.readChunk = Math.min(config.maxIoSize(), caps.has(Capabilities.LARGE_READX) ? LARGE_CHUNK : small);
        this.writeChunk = Math.min(config.maxIoSize(), caps.has(Capabilities.LARGE_WRITEX) ? LARGE_CHUNK : small);
        UUID guid = negotiate.serverGuid().length == 16 ? UUID.nameUUIDFromBytes(negotiate.serverGuid()) : null;
        this.info = new NegotiatedInfo(SmbDialect.NT1, negotiate.securityMode().signingRequired(), (int) caps.value(), guid,
                negotiate.systemTime() == 0 ? null : new FileTime(negotiate.systemTime()).toInstant(),
                (int) Math.min(Integer.MAX_VALUE, negotiate.maxBufferSize()), readChunk, writeChunk, null, "HMAC-MD5 (SMB1)",
                null);
    }

    /** Why signing is off although it was expected ("" when nothing to say). */
    String signingNote() {
        return signingNote;
    }

    @Override
    public NegotiatedInfo negotiated() {
        return info;
    }

    @Override
    public Optional<MultiProtocolNegotiation> multiProtocol() {
        return Optional.ofNullable(multi);
    }

    Smb1Header header(Smb1Command command, int tid, int uid) {
        return Requests.header(command, extended, tid, pid, uid, 0);
    }

    static Capabilities clientCapabilities(boolean extended) {
        long c = Capabilities.UNICODE | Capabilities.LARGE_FILES | Capabilities.NT_SMBS | Capabilities.STATUS32
                | Capabilities.NT_FIND | Capabilities.LARGE_READX | Capabilities.LARGE_WRITEX;
        return new Capabilities(extended ? c | Capabilities.EXTENDED_SECURITY : c);
    }

    @Override
    public SmbSession session(Credentials credentials) throws IOException {
        boolean enabled = negotiate.securityMode().signingEnabled();
        boolean required = negotiate.securityMode().signingRequired();
        Protection policy = config.signing();
        if (required && policy == Protection.OFF) {
            throw new SmbProtocolException("the server requires signing (SecurityMode " + negotiate.securityMode()
                    + ") but client signing is off");
        }
        if (policy == Protection.REQUIRED && !enabled) {
            throw new SmbProtocolException("client signing is required but the server does not sign (SecurityMode "
                    + negotiate.securityMode() + ")");
        }
        if (config.encryption() == Protection.REQUIRED) {
            throw new SmbProtocolException("encryption required but SMB1 has no encryption");
        }
        boolean sign = required || (enabled && (policy == Protection.REQUIRED || policy == Protection.DESIRED));
        Outcome o = extended ? extendedSetup(credentials, sign) : legacySetup(credentials, sign);
        boolean anonymous = credentials.isAnonymous();
        boolean keyed = o.macKey != null && o.macKey.length > 0 && !o.guest && !anonymous;
        if (sign && keyed) {
            byte[] raw = o.finalResponse;
            // zeros, or Samba's "BSRSPYL " placeholder, mean the server did not sign this response
            byte[] sig = java.util.Arrays.copyOfRange(raw, Smb1Header.SIGNATURE_OFFSET, Smb1Header.SIGNATURE_OFFSET + 8);
            boolean signedByServer = !java.util.Arrays.equals(sig, new byte[8])
                    && !java.util.Arrays.equals(sig, "BSRSPYL ".getBytes(StandardCharsets.US_ASCII));
            if (signedByServer && !Smb1Signer.verify(o.macKey, raw, 1)) {
                throw new SmbProtocolException("bad signature on the final SESSION_SETUP_ANDX response");
            }
            if (signedByServer || extended) {
                connection.activateSigning(o.macKey);
            } else if (policy == Protection.REQUIRED) {
                throw new SmbProtocolException("client signing is required but the server did not turn signing on after the "
                        + "NT LM 0.12 (non-extended) session setup (its response is unsigned)");
            }
            // else: like Samba's own client, carry on unsigned: Samba 4.x does not sign sessions set up
            // without extended security even with 'server signing = mandatory'
            signingNote = signedByServer || extended ? "" : "the server did not sign after a non-extended session setup";
        } else if (sign && required) {
            // guest or anonymous: no key to sign with; Samba lets such sessions run unsigned
        } else if (policy == Protection.REQUIRED) {
            throw new SmbProtocolException("signing required but the session is " + (o.guest ? "a guest" : "anonymous")
                    + " session (no key)");
        }
        return new Smb1SessionImpl(this, o.uid, o.guest, anonymous);
    }

    private record Outcome(int uid, boolean guest, byte[] macKey, byte[] finalResponse) {
    }

    private Smb1Header setupHeader(int uid, boolean sign) {
        Smb1Header h = header(Smb1Command.SESSION_SETUP_ANDX, 0, uid);
        return sign ? new Smb1Header(h.command(), 0, h.flags(), h.flags2().with(Smb1Flags2.SMB_SECURITY_SIGNATURE),
                h.pidHigh(), null, 0, h.pidLow(), uid, 0) : h;
    }

    private Outcome extendedSetup(Credentials credentials, boolean sign) throws IOException {
        NtlmCredentials nc = credentials.isAnonymous() ? NtlmCredentials.anonymous()
                : credentials.ntHash() != null ? NtlmCredentials.ntHash(credentials.domain(), credentials.user(), credentials.ntHash())
                : NtlmCredentials.password(credentials.domain(), credentials.user(), credentials.password());
        NtlmClientConfig ncfg = NtlmClientConfig.defaults(nc, serverName)
                .withLevel(LmCompatibilityLevel.of(config.lmCompatibilityLevel())).withWorkstation(config.workstation());
        SpnegoClient spnego = new SpnegoClient(List.of(new NtlmMechanism(new NtlmClientContext(ncfg, config.clock(),
                config.random()))));
        byte[] token;
        try {
            byte[] hint = negotiate.securityBlob();
            token = spnego.initialToken(hint.length == 0 ? null : hint);
        } catch (GssException e) {
            throw new SmbProtocolException("SPNEGO: " + e.getMessage(), e);
        }
        int uid = 0;
        while (true) {
            SessionSetupAndXRequest req = SessionSetupAndXRequest.extended(0xFFFF, negotiate.maxMpxCount(), 1,
                    negotiate.sessionKey(), clientCapabilities(true), token, "Unix", "smbscope");
            byte[] raw = connection.call(Smb1Packet.encode(setupHeader(uid, sign), req));
            Smb1Errors.Response r = Smb1Errors.expect(raw, "in session setup", NtStatus.MORE_PROCESSING_REQUIRED);
            uid = r.header().uid();
            SessionSetupAndXResponse resp = Smb1Errors.as(r, SessionSetupAndXResponse.class, "a SESSION_SETUP_ANDX response");
            byte[] blob = resp.securityBlob() == null ? new byte[0] : resp.securityBlob();
            if (r.status().equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
                try {
                    token = spnego.nextToken(blob);
                } catch (GssException e) {
                    throw new SmbProtocolException("SPNEGO: " + e.getMessage(), e);
                }
                if (token == null) {
                    throw new SmbProtocolException("SPNEGO has nothing to send but the server wants more");
                }
                continue;
            }
            if (blob.length > 0) {
                try {
                    spnego.nextToken(blob);
                } catch (GssException e) {
                    throw new SmbProtocolException("SPNEGO final token: " + e.getMessage(), e);
                }
            }
            return new Outcome(uid, resp.guest(), spnego.sessionKey(), raw);
        }
    }

    private Outcome legacySetup(Credentials credentials, boolean sign) throws IOException {
        LegacyResponses responses;
        String domain = credentials.domain().isEmpty() ? negotiate.domainName() : credentials.domain();
        if (credentials.isAnonymous()) {
            responses = LegacyResponses.anonymous();
        } else if (!negotiate.securityMode().encryptPasswords()) {
            if (!config.plaintextPasswords()) {
                throw new SmbProtocolException("the server wants plaintext passwords (SecurityMode "
                        + negotiate.securityMode() + "); refused unless plaintext passwords are allowed");
            }
            responses = new LegacyResponses(credentials.password().getBytes(StandardCharsets.ISO_8859_1), new byte[0],
                    new byte[0]);
        } else {
            responses = LegacyResponses.compute(config.lmCompatibilityLevel(), credentials.user(), domain,
                    credentials.ntHash() != null ? null : credentials.password(), credentials.ntHash(), negotiate.challenge(),
                    LegacyResponses.fileTime(config.clock().instant()), config.random());
        }
        SessionSetupAndXRequest req = SessionSetupAndXRequest.ntlm012(0xFFFF, negotiate.maxMpxCount(), 1,
                negotiate.sessionKey(), clientCapabilities(false), responses.lm(), responses.nt(), credentials.user(),
                domain, "Unix", "smbscope");
        byte[] raw = connection.call(Smb1Packet.encode(setupHeader(0, sign), req));
        Smb1Errors.Response r = Smb1Errors.expect(raw, config.lmCompatibilityLevel() >= 3 && !credentials.isAnonymous()
                ? "in session setup (NTLMv2 without extended security: Samba refuses it unless 'raw NTLMv2 auth = yes')"
                : "in session setup");
        SessionSetupAndXResponse resp = Smb1Errors.as(r, SessionSetupAndXResponse.class, "a SESSION_SETUP_ANDX response");
        byte[] mac = responses.sessionKey().length == 0 ? null : responses.macKey();
        return new Outcome(r.header().uid(), resp.guest(), mac, raw);
    }

    @Override
    public void close() {
        connection.close();
    }
}
