package org.smbscope.client.smb1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.MultiProtocolNegotiation;
import org.smbscope.client.NegotiatedInfo;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.WireTap;
import org.smbscope.client.smb2.Smb2Client;
import org.smbscope.client.transport.Transport;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;

/**
 * Entry point of the SMB1 runtime and of the multi-protocol negotiate: one SMB_COM_NEGOTIATE
 * ([MS-CIFS] 2.2.4.52) offering "NT LM 0.12" and, when the caller allows SMB2, "SMB 2.002" and
 * "SMB 2.???". The server answers in SMB1 (NT LM 0.12 chosen: an {@link Smb1Established}), or in
 * SMB2 with dialect 0x0202 (the connection is SMB 2.0.2, no second NEGOTIATE) or 0x02FF (send a
 * real SMB2 NEGOTIATE with MessageId 1, [MS-SMB2] 3.2.4.2.2.1). What happened is recorded as a
 * {@link MultiProtocolNegotiation}.
 */
public final class Smb1Client {
    private Smb1Client() {
    }

    /** Negotiates over a connected transport; {@code config.minDialect()} must be NT1. */
    public static SmbConnection negotiate(Transport transport, ClientConfig config, String serverName) throws IOException {
        if (!config.minDialect().isSmb1()) {
            throw new IllegalArgumentException("SMB1 negotiate needs min protocol NT1");
        }
        List<String> offered = new ArrayList<>();
        offered.add(NegotiateRequest.NT_LM_0_12);
        boolean smb2 = config.maxDialect().compareTo(SmbDialect.SMB2_02) >= 0;
        if (smb2) {
            offered.add(NegotiateRequest.SMB_2_002);
            if (config.maxDialect().compareTo(SmbDialect.SMB2_02) > 0) {
                offered.add(NegotiateRequest.SMB_2_WILDCARD);
            }
        }
        int pid = pid(config);
        byte[] request = Smb1Packet.encode(Requests.header(Smb1Command.NEGOTIATE, config.smb1ExtendedSecurity(), 0, pid, 0, 0),
                new NegotiateRequest(offered));
        tap(config, WireTap.Direction.SENT, request);
        transport.send(request);
        byte[] response = receive(transport, config);
        tap(config, WireTap.Direction.RECEIVED, response);
        if (response.length >= 4 && (response[0] & 0xFF) == 0xFE && response[1] == 'S' && response[2] == 'M'
                && response[3] == 'B') {
            return upgrade(transport, config, serverName, offered, response);
        }
        Smb1Errors.Response r = Smb1Errors.expect(response, "negotiating");
        NegotiateResponse nr = Smb1Errors.as(r, NegotiateResponse.class, "a NEGOTIATE response");
        if (nr.isNoDialect() || nr.dialectIndex() >= offered.size()
                || !offered.get(nr.dialectIndex()).equals(NegotiateRequest.NT_LM_0_12)) {
            throw new SmbProtocolException("the server accepted none of the offered dialects " + offered
                    + (smb2 ? "" : " (SMB1 disabled on the server? it may need 'server min protocol = NT1')"));
        }
        MultiProtocolNegotiation mp = smb2 ? new MultiProtocolNegotiation(offered, NegotiateRequest.NT_LM_0_12,
                SmbDialect.NT1, "the server chose NT LM 0.12 (SMB1) although SMB2 was offered: it speaks no SMB2 or prefers SMB1")
                : null;
        Smb1Connection c = new Smb1Connection(transport, config.clock(), config.requestTimeout(), config.wireTap());
        try {
            return new Smb1Established(c, config, nr, serverName, pid, mp);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static SmbConnection upgrade(Transport transport, ClientConfig config, String serverName, List<String> offered,
            byte[] response) throws IOException {
        if (response.length < 64 + 6) {
            throw new SmbProtocolException("truncated SMB2 NEGOTIATE response (" + response.length + " bytes)");
        }
        int status = (response[8] & 0xFF) | (response[9] & 0xFF) << 8 | (response[10] & 0xFF) << 16
                | (response[11] & 0xFF) << 24;
        if (status != 0) {
            throw new SmbProtocolException(String.format("SMB2 NEGOTIATE answer with status 0x%08x", status));
        }
        int dialect = (response[64 + 4] & 0xFF) | (response[64 + 5] & 0xFF) << 8;
        SmbConnection c;
        String chosen;
        String reason;
        if (dialect == 0x02FF) {
            c = Smb2Client.negotiateAfterWildcard(transport, config, serverName);
            chosen = NegotiateRequest.SMB_2_WILDCARD;
            reason = "the server answered the SMB1 NEGOTIATE with the SMB 2.??? wildcard (0x02FF): it speaks SMB 2.1 or later, "
                    + "so a real SMB2 NEGOTIATE followed and settled on " + c.negotiated().dialect().version();
        } else if (dialect == 0x0202) {
            c = Smb2Client.fromSmb1Upgrade(transport, config, serverName, response);
            chosen = NegotiateRequest.SMB_2_002;
            reason = "the server chose SMB 2.002 from the SMB1 NEGOTIATE: the connection is SMB 2.0.2 with no second NEGOTIATE";
        } else {
            throw new SmbProtocolException(String.format("SMB2 answer to an SMB1 NEGOTIATE with dialect 0x%04x "
                    + "(only 0x0202 or 0x02FF are allowed, [MS-SMB2] 3.3.5.3.1)", dialect));
        }
        return new Upgraded(c, new MultiProtocolNegotiation(offered, chosen, c.negotiated().dialect(), reason));
    }

    /** An SMB2 connection that began with an SMB1 NEGOTIATE. */
    private record Upgraded(SmbConnection delegate, MultiProtocolNegotiation negotiation) implements SmbConnection {
        @Override
        public NegotiatedInfo negotiated() {
            return delegate.negotiated();
        }

        @Override
        public SmbSession session(Credentials credentials) throws IOException {
            return delegate.session(credentials);
        }

        @Override
        public Optional<MultiProtocolNegotiation> multiProtocol() {
            return Optional.of(negotiation);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static int pid(ClientConfig config) {
        return 0x100 + config.random().nextInt(0xFE00);
    }

    /** The NEGOTIATE answer, bounded by the request timeout (a server without SMB1 may stay silent). */
    private static byte[] receive(Transport transport, ClientConfig config) throws IOException {
        java.util.concurrent.CompletableFuture<byte[]> f = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("smb1-negotiate " + transport.describe()).start(() -> {
            try {
                f.complete(transport.receive());
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(config.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            transport.close();
            throw new org.smbscope.client.SmbTimeoutException("no answer to the SMB1 NEGOTIATE from " + transport.describe()
                    + " within " + config.requestTimeout().toMillis() + " ms (SMB1 disabled on the server?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.close();
            throw new java.io.InterruptedIOException("interrupted waiting for the NEGOTIATE answer");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private static Object decodeSmb2(byte[] m) {
        try {
            return org.smbscope.codec.smb2.Smb2Codec.decode(m);
        } catch (org.smbscope.codec.smb2.Smb2DecodeException e) {
            return "undecodable SMB2: " + e.getMessage();
        }
    }

    private static void tap(ClientConfig config, WireTap.Direction d, byte[] m) {
        if (config.wireTap() == WireTap.NONE) {
            return;
        }
        Object decoded;
        try {
            if ((m[0] & 0xFF) == 0xFE) {
                decoded = decodeSmb2(m);
            } else {
                List<?> l = Smb1Messages.decode(m);
                decoded = l.size() == 1 ? l.get(0) : l;
            }
        } catch (Smb1DecodeException | RuntimeException e) {
            decoded = "undecodable: " + e.getMessage();
        }
        try {
            config.wireTap().frame(d, config.clock().instant(), m, decoded);
        } catch (RuntimeException ignored) {
            // a tap must not break the negotiation
        }
    }
}
