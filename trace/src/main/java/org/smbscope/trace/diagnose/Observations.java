package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Message;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.capture.Endpoint;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * Everything the rules look at: the decoded messages (from a capture or the doctor's own
 * traffic), the doctor's TCP attempts, what the client wanted, and which client endpoints were
 * single-message probes (one dialect at a time: their refusals are a matrix, not a failure).
 */
public record Observations(List<Message> messages, List<TransportAttempt> attempts, ClientPolicy policy,
                           Set<Endpoint> probeClients) {
    public Observations {
        messages = List.copyOf(messages);
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(policy, "policy");
        probeClients = Set.copyOf(probeClients);
    }

    public static Observations of(List<Message> messages) {
        return new Observations(messages, List.of(), ClientPolicy.UNKNOWN, Set.of());
    }

    public boolean isProbe(Message m) {
        return probeClients.contains(m.exchange().client());
    }

    /** SMB2 messages of a command whose body is of the given type (request or response body type). */
    public <T extends Smb2Message> List<Message> smb2(Smb2Command command, Class<T> body) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.decoded() instanceof Smb2Packet p && p.header().command().equals(command)
                    && body.isInstance(p.message())) {
                out.add(m);
            }
        }
        return out;
    }

    /** SMB2 responses to a command, whatever the body (an error response too). */
    public List<Message> smb2Responses(Smb2Command command) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.decoded() instanceof Smb2Packet p && p.isResponse() && p.header().command().equals(command)) {
                out.add(m);
            }
        }
        return out;
    }

    /** SMB1 blocks whose message is of the given type. */
    public <T extends Smb1Message> List<Message> smb1(Class<T> type) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.decoded() instanceof Smb1Part p && type.isInstance(p.message())) {
                out.add(m);
            }
        }
        return out;
    }

    /** The response to a request: same conversation, later, same message id (SMB2) or mid (SMB1) and command. */
    public Optional<Message> responseTo(Message request) {
        int from = messages.indexOf(request);
        for (int i = from + 1; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (!m.sameConversation(request)) {
                continue;
            }
            if (request.decoded() instanceof Smb2Packet q && m.decoded() instanceof Smb2Packet r && r.isResponse()
                    && r.header().messageId() == q.header().messageId()
                    && r.header().command().equals(q.header().command())) {
                return Optional.of(m);
            }
            if (request.decoded() instanceof Smb1Part q && m.decoded() instanceof Smb1Part r && r.header().isReply()
                    && r.header().mid() == q.header().mid()
                    && r.message().command().equals(q.message().command())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The request a response answers. */
    public Optional<Message> requestOf(Message response) {
        int at = messages.indexOf(response);
        for (int i = at - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.sameConversation(response) && responseTo(m).filter(r -> r == response).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Messages of the same conversation after this one. */
    public List<Message> after(Message m) {
        List<Message> out = new ArrayList<>();
        for (int i = messages.indexOf(m) + 1; i < messages.size(); i++) {
            if (messages.get(i).sameConversation(m)) {
                out.add(messages.get(i));
            }
        }
        return out;
    }

    /** Messages of the same conversation before this one. */
    public List<Message> before(Message m) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < messages.indexOf(m); i++) {
            if (messages.get(i).sameConversation(m)) {
                out.add(messages.get(i));
            }
        }
        return out;
    }
}
