package org.smbscope.client.smb2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.NegotiatedInfo;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.transport.Transport;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.Cipher;
import org.smbscope.codec.smb2.HashAlgorithm;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SigningAlgorithm;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Packet;

/**
 * Entry point of the SMB 2/3 runtime: negotiates ([MS-SMB2] 3.2.4.2.2) over a connected transport,
 * with the 3.1.1 contexts (preauth SHA-512, ciphers, signing algorithms, netname), and records
 * what the server chose.
 */
public final class Smb2Client {
    private Smb2Client() {
    }

    public static SmbConnection negotiate(Transport transport, ClientConfig config, String serverName) throws IOException {
        Smb2Connection c = new Smb2Connection(transport, config.clock(), config.requestTimeout(), config.wireTap(),
                Smb2Errors::decodeForTrace);
        try {
            return negotiate(c, config, serverName);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * After a multi-protocol SMB1 NEGOTIATE answered with the SMB 2.??? wildcard (0x02FF): a real SMB2
     * NEGOTIATE with MessageId 1 ([MS-SMB2] 3.2.4.2.2.1).
     */
    public static SmbConnection negotiateAfterWildcard(Transport transport, ClientConfig config, String serverName)
            throws IOException {
        Smb2Connection c = new Smb2Connection(transport, config.clock(), config.requestTimeout(), config.wireTap(),
                Smb2Errors::decodeForTrace, 1, 1);
        try {
            return negotiate(c, config, serverName);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * After a multi-protocol SMB1 NEGOTIATE answered directly with SMB 2.0.2: that SMB2 NEGOTIATE
     * response is the negotiation ([MS-SMB2] 3.2.5.2); the next request is MessageId 1.
     */
    public static SmbConnection fromSmb1Upgrade(Transport transport, ClientConfig config, String serverName,
            byte[] smb2NegotiateResponse) throws IOException {
        int granted = Math.max(1, HeaderView.u16(smb2NegotiateResponse, HeaderView.OFF_CREDITS));
        Smb2Connection c = new Smb2Connection(transport, config.clock(), config.requestTimeout(), config.wireTap(),
                Smb2Errors::decodeForTrace, granted, 1);
        try {
            return established(c, config, serverName, new Incoming(smb2NegotiateResponse, new byte[0], false));
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Smb2Established negotiate(Smb2Connection c, ClientConfig config, String serverName) throws IOException {
        List<Smb2Dialect> dialects = new ArrayList<>();
        for (SmbDialect d : SmbDialect.values()) {
            if (!d.isSmb1() && d.compareTo(config.minDialect()) >= 0 && d.compareTo(config.maxDialect()) <= 0) {
                dialects.add(new Smb2Dialect(d.code()));
            }
        }
        SecurityMode mode = config.signing() == Protection.REQUIRED ? SecurityMode.of(SecurityMode.SIGNING_ENABLED,
                SecurityMode.SIGNING_REQUIRED) : SecurityMode.SIGNING_ENABLED;
        Capabilities caps = Capabilities.of(Capabilities.LARGE_MTU, Capabilities.ENCRYPTION);
        byte[] guid = new byte[16];
        config.random().nextBytes(guid);
        List<NegotiateContext> contexts = new ArrayList<>();
        if (config.maxDialect() == SmbDialect.SMB3_11) {
            byte[] salt = new byte[32];
            config.random().nextBytes(salt);
            contexts.add(new NegotiateContext.PreauthIntegrity(List.of(HashAlgorithm.SHA_512), salt));
            contexts.add(new NegotiateContext.Encryption(List.of(Cipher.AES_128_GCM, Cipher.AES_128_CCM,
                    Cipher.AES_256_GCM, Cipher.AES_256_CCM)));
            contexts.add(new NegotiateContext.Signing(List.of(SigningAlgorithm.AES_GMAC, SigningAlgorithm.AES_CMAC)));
            contexts.add(new NegotiateContext.Netname(serverName));
        }
        NegotiateRequest req = new NegotiateRequest(mode, caps, Guid.fromWire(guid), dialects, contexts);
        Incoming in = c.call(Outgoing.of(Requests.encode(req, 0, 0)));
        return established(c, config, serverName, in);
    }

    private static Smb2Established established(Smb2Connection c, ClientConfig config, String serverName, Incoming in)
            throws IOException {
        Smb2Packet p = Smb2Errors.expect(in, "negotiating");
        if (!(p.message() instanceof NegotiateResponse r)) {
            throw new SmbProtocolException("expected a NEGOTIATE response, got " + p.message().getClass().getSimpleName());
        }
        int dialectCode = r.dialect().value();
        SmbDialect dialect;
        try {
            dialect = SmbDialect.ofCode(dialectCode);
        } catch (IllegalArgumentException e) {
            throw new SmbProtocolException(String.format("server chose dialect 0x%04x", dialectCode));
        }
        if (dialect.compareTo(config.minDialect()) < 0 || dialect.compareTo(config.maxDialect()) > 0) {
            throw new SmbProtocolException("server chose " + dialect + ", outside " + config.minDialect() + ".." + config.maxDialect());
        }
        PreauthHash preauth = null;
        CipherId cipher = dialect.isSmb3() && r.capabilities().has(Capabilities.ENCRYPTION) ? CipherId.AES_128_CCM : null;
        org.smbscope.codec.crypto.SigningAlgorithm signing = org.smbscope.codec.crypto.SigningAlgorithm.defaultFor(dialectCode);
        if (dialect == SmbDialect.SMB3_11) {
            preauth = PreauthHash.initial().update(in.request()).update(in.message());
            cipher = null;
            for (NegotiateContext ctx : r.contexts()) {
                if (ctx instanceof NegotiateContext.Encryption e && !e.ciphers().isEmpty()) {
                    cipher = CipherId.fromWire(e.ciphers().get(0).value()).orElse(null);
                } else if (ctx instanceof NegotiateContext.Signing s && !s.algorithms().isEmpty()) {
                    signing = org.smbscope.codec.crypto.SigningAlgorithm.fromWire(s.algorithms().get(0).value())
                            .orElse(signing);
                }
            }
        }
        if (config.encryption() == Protection.REQUIRED && cipher == null) {
            throw new SmbProtocolException("encryption required but the server offers no cipher (dialect " + dialect + ")");
        }
        boolean largeMtu = r.capabilities().has(Capabilities.LARGE_MTU) && dialect != SmbDialect.SMB2_02;
        int maxRead = (int) Math.min(config.maxIoSize(), largeMtu ? r.maxReadSize() : Math.min(65536, r.maxReadSize()));
        int maxWrite = (int) Math.min(config.maxIoSize(), largeMtu ? r.maxWriteSize() : Math.min(65536, r.maxWriteSize()));
        NegotiatedInfo info = new NegotiatedInfo(dialect, r.securityMode().has(SecurityMode.SIGNING_REQUIRED),
                r.capabilities().value(), java.util.UUID.nameUUIDFromBytes(r.serverGuid().toString().getBytes()),
                r.systemTime().toInstant(), (int) Math.min(Integer.MAX_VALUE, r.maxTransactSize()), maxRead, maxWrite,
                cipher == null ? null : cipher.label(), signing.label(),
                preauth == null ? null : preauth.toString());
        Smb2Established established = new Smb2Established(c, config, info, preauth, cipher, signing, r.securityBuffer(),
                largeMtu, serverName);
        established.warmUpNegotiated();
        return established;
    }
}
