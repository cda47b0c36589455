package org.smbscope.server.smb2;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Flags;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;

/**
 * The NEGOTIATE of one connection ([MS-SMB2] 3.3.5.3 and 3.3.5.4): the SMB1 multi-protocol NEGOTIATE that
 * upgrades to SMB2 (the 0x02FF wildcard or 2.0.2), the SMB2 NEGOTIATE, and what they fix for the
 * connection: the outcome, the client's request (VALIDATE_NEGOTIATE_INFO, binding checks) and the 3.1.1
 * preauth hash the sessions start from. A second negotiation drops the connection.
 */
final class ConnectionNegotiation {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionNegotiation.class);

    private final ServerContext ctx;
    private final CreditWindow credits;
    private final String peer;
    private final Object lock = new Object();
    private volatile NegotiateOutcome negotiated;
    private volatile org.smbscope.codec.smb2.NegotiateRequest request;
    private volatile PreauthHash preauth;
    private boolean wildcardAnswered;

    ConnectionNegotiation(ServerContext ctx, CreditWindow credits, String peer) {
        this.ctx = ctx;
        this.credits = credits;
        this.peer = peer;
    }

    /** The outcome, or null before the SMB2 NEGOTIATE. */
    NegotiateOutcome negotiated() {
        return negotiated;
    }

    /** The client's SMB2 NEGOTIATE request, or null. */
    org.smbscope.codec.smb2.NegotiateRequest request() {
        return request;
    }

    /** 3.1.1: the preauth hash over the NEGOTIATE request and response, or null. */
    PreauthHash preauth() {
        return preauth;
    }

    /** [MS-SMB2] 3.3.5.3: an SMB1 NEGOTIATE offering "SMB 2.???" or "SMB 2.002" gets an SMB2 answer (returned). */
    byte[] smb1(byte[] plain) throws Dispatcher.Drop {
        synchronized (lock) {
            if (negotiated != null || wildcardAnswered) {
                throw new Dispatcher.Drop("SMB1 message after negotiation");
            }
            List<String> dialects;
            try {
                List<Smb1Message> ms = Smb1Messages.decode(plain);
                dialects = ms.stream().filter(m -> m instanceof NegotiateRequest).map(m -> ((NegotiateRequest) m).dialects())
                        .findFirst().orElseThrow(() -> new Dispatcher.Drop("SMB1 message other than NEGOTIATE"));
            } catch (org.smbscope.codec.smb1.Smb1DecodeException e) {
                throw new Dispatcher.Drop("bad SMB1 message: " + e.getMessage());
            }
            credits.consume(0, 1);
            int grant = credits.grant(1);
            Smb2Header h = new Smb2Header(0, NtStatus.SUCCESS, Smb2Command.NEGOTIATE, grant, Smb2Flags.SERVER_TO_REDIR,
                    0, 0, 0, 0, 0, 0, new byte[16]);
            int max = ctx.config().maxProtocol().dialect();
            int min = ctx.config().minProtocol().dialect();
            if (dialects.contains("SMB 2.???") && max >= 0x0210) {
                wildcardAnswered = true;
                return Smb2Codec.encode(h, ctx.negotiate().wildcard());
            }
            if (dialects.contains("SMB 2.002") && min <= 0x0202) {
                try {
                    NegotiateOutcome o = ctx.negotiate().handle(new org.smbscope.codec.smb2.NegotiateRequest(
                            org.smbscope.codec.smb2.SecurityMode.SIGNING_ENABLED, org.smbscope.codec.smb2.Capabilities.NONE,
                            org.smbscope.codec.dtyp.Guid.ZERO, List.of(org.smbscope.codec.smb2.Smb2Dialect.SMB_2_0_2), List.of()));
                    negotiated = o;
                    return Smb2Codec.encode(h, o.response());
                } catch (NegotiateHandler.Refused r) {
                    throw new Dispatcher.Drop(r.getMessage());
                }
            }
            throw new Dispatcher.Drop("SMB1 only client (dialects " + dialects + "); SMB1 is not served");
        }
    }

    /** [MS-SMB2] 3.3.5.4: the SMB2 NEGOTIATE. */
    Reply.Send negotiate(byte[] msg, Smb2Header h) throws Dispatcher.Drop {
        synchronized (lock) {
            if (negotiated != null) {
                throw new Dispatcher.Drop("second NEGOTIATE");
            }
            if (!credits.consume(h.messageId(), 1)) {
                throw new Dispatcher.Drop("NEGOTIATE with message id " + h.messageId());
            }
            int grant = credits.grant(h.credits());
            Smb2Packet p;
            try {
                p = Smb2Codec.decode(msg);
            } catch (Smb2DecodeException e) {
                throw new Dispatcher.Drop("undecodable NEGOTIATE: " + e.getMessage());
            }
            if (!(p.message() instanceof org.smbscope.codec.smb2.NegotiateRequest req)) {
                throw new Dispatcher.Drop("NEGOTIATE without its body");
            }
            try {
                NegotiateOutcome o = ctx.negotiate().handle(req);
                Smb2Header rh = Smb2Header.responseTo(h, NtStatus.SUCCESS, grant);
                byte[] bytes = Smb2Codec.encode(rh, o.response());
                if (o.dialect() == 0x0311) {
                    preauth = PreauthHash.initial().update(msg).update(bytes);
                }
                request = req;
                negotiated = o;
                return new Reply.Send(bytes, null);
            } catch (NegotiateHandler.Refused r) {
                LOG.debug("NEGOTIATE from {} refused: {}", peer, r.getMessage());
                return new Reply.Send(Smb2Codec.encode(Smb2Header.responseTo(h, NtStatus.of(r.status), grant),
                        ErrorResponse.empty(Smb2Command.NEGOTIATE)), null);
            }
        }
    }
}
