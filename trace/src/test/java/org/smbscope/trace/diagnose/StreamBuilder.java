package org.smbscope.trace.diagnose;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.NegotiateFlag;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Message;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.capture.Endpoint;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;

/** Builds small exchange streams from codec messages, one conversation, a millisecond apart. */
final class StreamBuilder {
    static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private final Endpoint client;
    private final Endpoint server;
    private final List<Exchange> exchanges = new ArrayList<>();
    private Instant time = T0;
    private long mid;

    StreamBuilder(int clientPort, int serverPort) {
        try {
            client = new Endpoint(InetAddress.getByName("127.0.0.1"), clientPort);
            server = new Endpoint(InetAddress.getByName("127.0.0.10"), serverPort);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    StreamBuilder() {
        this(40000, 445);
    }

    Endpoint client() {
        return client;
    }

    private StreamBuilder add(Direction d, Layer layer, byte[] payload) {
        time = time.plusMillis(1);
        exchanges.add(new Exchange(exchanges.size() + 1, exchanges.size() + 1, time, client, server, d, layer, payload));
        return this;
    }

    /** A request and its response with the given status. */
    StreamBuilder smb2(Smb2Command cmd, Smb2Message request, NtStatus status, Smb2Message response) {
        Smb2Header q = Smb2Header.request(cmd, mid++);
        add(Direction.CLIENT_TO_SERVER, Layer.SMB2, Smb2Codec.encode(q, request));
        if (response != null) {
            add(Direction.SERVER_TO_CLIENT, Layer.SMB2, Smb2Codec.encode(Smb2Header.responseTo(q, status, 1), response));
        }
        return this;
    }

    StreamBuilder smb1(Smb1Command cmd, Smb1Message request, int flags2, long status, Smb1Message response) {
        Smb1Header q = Smb1Header.request(cmd, new Smb1Flags(0x18), new Smb1Flags2(flags2), 0, 1234, 0, (int) mid++);
        add(Direction.CLIENT_TO_SERVER, Layer.SMB1, Smb1Packet.encode(q, request));
        if (response != null) {
            add(Direction.SERVER_TO_CLIENT, Layer.SMB1, Smb1Packet.encode(q.reply(status), response));
        }
        return this;
    }

    StreamBuilder nbns(NameServicePacket p, boolean toServer) {
        return add(toServer ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT, Layer.NBNS, p.encode());
    }

    StreamBuilder nbss(SessionPacket p, boolean toServer) {
        return add(toServer ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT, Layer.NBSS,
                SessionFrameCodec.DEFAULT.encode(p));
    }

    /** A negotiate: the client's dialects and SecurityMode, the server's choice and its SecurityMode. */
    StreamBuilder negotiate(SecurityMode client, List<Smb2Dialect> offered, SecurityMode server, Smb2Dialect chosen,
            Duration serverClockAhead) {
        NegotiateRequest q = new NegotiateRequest(client, Capabilities.NONE, Guid.ZERO, offered, List.of());
        NegotiateResponse r = new NegotiateResponse(server, chosen, Guid.ZERO, Capabilities.NONE, 65536, 65536, 65536,
                FileTime.of(time.plusMillis(2).plus(serverClockAhead)), FileTime.ZERO, new byte[0], List.of());
        return smb2(Smb2Command.NEGOTIATE, q, NtStatus.SUCCESS, r);
    }

    StreamBuilder negotiate(Smb2Dialect chosen) {
        return negotiate(SecurityMode.SIGNING_ENABLED, List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1,
                Smb2Dialect.SMB_3_0, Smb2Dialect.SMB_3_1_1), SecurityMode.SIGNING_ENABLED, chosen, Duration.ZERO);
    }

    /** An NTLMSSP_AUTH for {@code user} with an NT response of the given length (24: NTLMv1, more: NTLMv2). */
    static byte[] auth(String user, int ntLength) {
        byte[] nt = new byte[ntLength];
        if (ntLength > 24) {
            nt[16] = 1;
            nt[17] = 1;
        }
        return new AuthenticateMessage(Set.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), new byte[24], nt, "LAB",
                user, "WS", new byte[0], null, null).encode();
    }

    List<Message> messages() {
        return MessageDecoder.decodeAll(exchanges);
    }

    Observations observations() {
        return Observations.of(messages());
    }

    Observations observations(ClientPolicy policy, Set<Endpoint> probes, List<TransportAttempt> attempts) {
        return new Observations(messages(), attempts, policy, probes);
    }
}
