package org.smbscope.trace.explain;

import java.util.Objects;
import java.util.Optional;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.Detail;
import org.smbscope.trace.event.Exchange;

/**
 * An {@link Exchange} decoded: one message of it (an SMB2 compound or an SMB1 AndX chain gives
 * one {@code Message} per member). {@code decoded} is the codec record ({@link Smb2Packet},
 * {@link Smb1Part}, {@link NameServicePacket}, a NetBIOS session packet) or, when the bytes did not
 * decode, a {@link String} saying why.
 *
 * @param part    position inside the exchange, from 0
 * @param summary one line, as Wireshark's Info column
 */
public record Message(Exchange exchange, int part, Object decoded, String summary, Detail detail) {
    public Message {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(detail, "detail");
    }

    /** The NT status of a response (SMB2, or SMB1 with NT status codes); empty for requests. */
    public Optional<NtStatus> status() {
        if (decoded instanceof Smb2Packet p && p.isResponse()) {
            return Optional.of(p.header().status());
        }
        if (decoded instanceof Smb1Part p && p.header().isReply() && p.header().ntStatus()) {
            return Optional.of(new NtStatus((int) p.header().status()));
        }
        return Optional.empty();
    }

    /** Whether the status is an error (not success, not MORE_PROCESSING_REQUIRED or other warnings). */
    public boolean failed() {
        return status().map(NtStatus::isError).orElse(false)
                && !status().get().equals(NtStatus.MORE_PROCESSING_REQUIRED);
    }

    /** "frame 12" for a capture, "message 12" for live traffic. */
    public String where() {
        return exchange.frame() > 0 ? "frame " + exchange.frame() : "message " + exchange.index();
    }

    /** Whether two messages belong to the same TCP conversation (or UDP pair). */
    public boolean sameConversation(Message other) {
        return exchange.client().equals(other.exchange.client()) && exchange.server().equals(other.exchange.server());
    }
}
