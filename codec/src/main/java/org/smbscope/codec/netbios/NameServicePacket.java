package org.smbscope.codec.netbios;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;

/**
 * A NetBIOS name service packet (UDP 137), RFC 1002 4.2: the header (NAME_TRN_ID, R, OPCODE,
 * NM_FLAGS, RCODE, section counts) and four typed sections. Every message of the name service has
 * this one shape; {@link NameServicePackets} builds the ones RFC 1002 defines (query, responses,
 * WACK, registration, release, refresh, node status) and {@link #kind()} tells them apart.
 *
 * <p>{@link #decode(byte[])} reads one packet (label pointers followed backwards only; section
 * counts bounded by the bytes left before anything is allocated); {@link #encode()} writes the
 * canonical form (a name equal to an earlier one in the packet becomes a pointer to it, as Samba
 * and Windows write registrations).
 */
public record NameServicePacket(int transactionId, boolean response, NameServiceOpcode opcode,
        Set<NmFlag> flags, NameServiceRcode rcode, List<Question> questions, List<ResourceRecord> answers,
        List<ResourceRecord> authorities, List<ResourceRecord> additionals) implements Described {

    public NameServicePacket {
        if (transactionId < 0 || transactionId > 0xFFFF) {
            throw new IllegalArgumentException("transaction id must be 16 bits");
        }
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(rcode, "rcode");
        flags = immutableFlags(flags);
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
        if (questions.size() > 0xFFFF || answers.size() > 0xFFFF || authorities.size() > 0xFFFF
                || additionals.size() > 0xFFFF) {
            throw new IllegalArgumentException("section too long");
        }
    }

    static Set<NmFlag> immutableFlags(Collection<NmFlag> flags) {
        EnumSet<NmFlag> copy = EnumSet.noneOf(NmFlag.class);
        copy.addAll(flags);
        return Collections.unmodifiableSet(copy);
    }

    /** Decodes one name service packet. */
    public static NameServicePacket decode(byte[] packet) throws NetbiosDecodeException {
        return NameServiceCodec.decode(packet);
    }

    /** The canonical wire form. */
    public byte[] encode() {
        return NameServiceCodec.encode(this);
    }

    /** The 16-bit flags word: R, OPCODE, NM_FLAGS, RCODE. */
    public int flagsWord() {
        int w = (response ? 0x8000 : 0) | (opcode.value() << 11) | rcode.value();
        for (NmFlag f : flags) {
            w |= f.mask();
        }
        return w;
    }

    public boolean has(NmFlag flag) {
        return flags.contains(flag);
    }

    public boolean isBroadcast() {
        return flags.contains(NmFlag.BROADCAST);
    }

    /** The first question, if any. */
    public Optional<Question> question() {
        return questions.isEmpty() ? Optional.empty() : Optional.of(questions.get(0));
    }

    /** The first answer record, if any. */
    public Optional<ResourceRecord> answer() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(0));
    }

    /** The first additional record, if any (registration, release and refresh requests carry one). */
    public Optional<ResourceRecord> additional() {
        return additionals.isEmpty() ? Optional.empty() : Optional.of(additionals.get(0));
    }

    /** The node status answer, if this is a node status response. */
    public Optional<NodeStatusRData> nodeStatus() {
        for (ResourceRecord rr : answers) {
            if (rr.data() instanceof NodeStatusRData ns) {
                return Optional.of(ns);
            }
        }
        return Optional.empty();
    }

    /** Which RFC 1002 message this is. */
    public NameServiceKind kind() {
        return NameServiceKind.of(this);
    }

    /** One line, as Wireshark's Info column: "Name query NB LAB10<00>". */
    public String summary() {
        StringBuilder sb = new StringBuilder(opcode.description());
        if (opcode.equals(NameServiceOpcode.QUERY) && !response) {
            sb.setLength(0);
            sb.append("Name query");
        }
        if (response && !opcode.equals(NameServiceOpcode.WACK)) {
            sb.append(" response");
        }
        if (rcode.isError()) {
            sb.append(", ").append(rcode.meaning());
        }
        if (!response) {
            for (Question q : questions) {
                sb.append(' ').append(q.type().name()).append(' ').append(q.name());
            }
        } else {
            for (ResourceRecord rr : answers) {
                sb.append(' ').append(rr.type().name());
                if (rr.data() instanceof NbRData nb) {
                    for (NbAddress a : nb.entries()) {
                        sb.append(' ').append(a.address().getHostAddress());
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public Detail detail() {
        String what = opcode.description() + (response ? " response" : "")
                + (rcode.isError() ? ", " + rcode.meaning() : "");
        Detail flagsNode = Detail.of(String.format("Flags: 0x%04x (%s)", flagsWord(), what))
                .field("Response", response ? "Message is a response" : "Message is a query")
                .field("Opcode", opcode.description() + " (" + opcode.value() + ")");
        if (response) {
            flagsNode.field("Authoritative", has(NmFlag.AUTHORITATIVE_ANSWER)
                    ? "Server is an authority for domain" : "Server is not an authority for domain");
        }
        flagsNode.field("Truncated", has(NmFlag.TRUNCATED) ? "Message is truncated" : "Message is not truncated");
        flagsNode.field("Recursion desired", has(NmFlag.RECURSION_DESIRED)
                ? "Do query recursively" : "Don't do query recursively");
        if (response) {
            flagsNode.field("Recursion available", has(NmFlag.RECURSION_AVAILABLE)
                    ? "Server can do recursive queries" : "Server can't do recursive queries");
        }
        flagsNode.field("Broadcast", isBroadcast() ? "Broadcast packet" : "Not a broadcast packet");
        if (response) {
            flagsNode.field("Reply code", rcode.meaning() + " (" + rcode.value() + ")");
        }
        Detail d = Detail.of("NetBIOS Name Service")
                .field("Transaction ID", String.format("0x%04x", transactionId))
                .child(flagsNode)
                .field("Questions", questions.size())
                .field("Answer RRs", answers.size())
                .field("Authority RRs", authorities.size())
                .field("Additional RRs", additionals.size());
        if (!questions.isEmpty()) {
            Detail q = Detail.of("Queries");
            questions.forEach(x -> q.child(x.detail()));
            d.child(q);
        }
        section(d, "Answers", answers);
        section(d, "Authoritative nameservers", authorities);
        section(d, "Additional records", additionals);
        return d;
    }

    private static void section(Detail d, String title, List<ResourceRecord> rrs) {
        if (!rrs.isEmpty()) {
            Detail s = Detail.of(title);
            rrs.forEach(rr -> s.child(rr.detail()));
            d.child(s);
        }
    }
}
