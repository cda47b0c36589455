package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
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
public final class Observations {
    private final List<Message> messages;
    private final List<TransportAttempt> attempts;
    private final ClientPolicy policy;
    private final Set<Endpoint> probeClients;
    private final Map<Message, Integer> position = new IdentityHashMap<>();
    private final Map<Message, Message> responseOf = new IdentityHashMap<>();
    private final Map<Message, Message> requestOf = new IdentityHashMap<>();

    /** Indexes positions and request/response pairs once: rules ask for them in loops over large captures. */
    public Observations(List<Message> messages, List<TransportAttempt> attempts, ClientPolicy policy,
            Set<Endpoint> probeClients) {
        this.messages = List.copyOf(messages);
        this.attempts = List.copyOf(attempts);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.probeClients = Set.copyOf(probeClients);
        Map<String, Message> open = new HashMap<>();
        for (int i = 0; i < this.messages.size(); i++) {
            Message m = this.messages.get(i);
            position.put(m, i);
            String key = pairKey(m);
            if (key == null) {
                continue;
            }
            if (isRequest(m)) {
                open.put(key, m);
            } else {
                Message q = open.remove(key);
                if (q != null) {
                    responseOf.put(q, m);
                    requestOf.put(m, q);
                }
            }
        }
    }

    public List<Message> messages() {
        return messages;
    }

    public List<TransportAttempt> attempts() {
        return attempts;
    }

    public ClientPolicy policy() {
        return policy;
    }

    public Set<Endpoint> probeClients() {
        return probeClients;
    }

    private static boolean isRequest(Message m) {
        return m.decoded() instanceof Smb2Packet p ? !p.isResponse() : !((Smb1Part) m.decoded()).header().isReply();
    }

    /** Conversation, command and message id: what pairs a response with its request. */
    private static String pairKey(Message m) {
        String conv = m.exchange().client() + ">" + m.exchange().server();
        if (m.decoded() instanceof Smb2Packet p) {
            if (p.isResponse() && p.header().isAsync() && p.header().status().value() == 0x103) {
                return null; // interim PENDING response: the final one pairs
            }
            return conv + "|2|" + p.header().command().value() + "|" + p.header().messageId();
        }
        if (m.decoded() instanceof Smb1Part p) {
            return conv + "|1|" + p.message().command().value() + "|" + p.header().mid() + "|" + p.header().pidLow();
        }
        return null;
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
        return Optional.ofNullable(responseOf.get(request));
    }

    /** The request a response answers. */
    public Optional<Message> requestOf(Message response) {
        return Optional.ofNullable(requestOf.get(response));
    }

    /** Messages of the same conversation after this one. */
    public List<Message> after(Message m) {
        List<Message> out = new ArrayList<>();
        Integer at = position.get(m);
        for (int i = at == null ? messages.size() : at + 1; i < messages.size(); i++) {
            if (messages.get(i).sameConversation(m)) {
                out.add(messages.get(i));
            }
        }
        return out;
    }

    /** Messages of the same conversation before this one. */
    public List<Message> before(Message m) {
        List<Message> out = new ArrayList<>();
        Integer at = position.get(m);
        for (int i = 0; i < (at == null ? 0 : at); i++) {
            if (messages.get(i).sameConversation(m)) {
                out.add(messages.get(i));
            }
        }
        return out;
    }
}
