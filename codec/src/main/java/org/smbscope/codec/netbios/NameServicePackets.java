package org.smbscope.codec.netbios;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the name service messages of RFC 1002 4.2 with the header flags Windows and Samba use.
 * Responses built from a request copy its transaction ID and name.
 */
public final class NameServicePackets {
    /** TTL of node status responses and releases. */
    public static final long ZERO_TTL = 0;
    /** The default TTL Samba and Windows give names, 3 days (259200 seconds). */
    public static final long DEFAULT_TTL = 259_200;

    private static final Set<NmFlag> RESPONSE_FLAGS =
            EnumSet.of(NmFlag.AUTHORITATIVE_ANSWER, NmFlag.RECURSION_DESIRED, NmFlag.RECURSION_AVAILABLE);

    private NameServicePackets() {
    }

    private static NameServicePacket packet(int id, boolean response, NameServiceOpcode op, Set<NmFlag> flags,
            NameServiceRcode rcode, List<Question> qs, List<ResourceRecord> an, List<ResourceRecord> ar) {
        return new NameServicePacket(id, response, op, flags, rcode, qs, an, List.of(), ar);
    }

    private static Set<NmFlag> flags(boolean broadcast, NmFlag... others) {
        EnumSet<NmFlag> f = EnumSet.noneOf(NmFlag.class);
        f.addAll(List.of(others));
        if (broadcast) {
            f.add(NmFlag.BROADCAST);
        }
        return f;
    }

    private static NetbiosName questionName(NameServicePacket request) {
        return request.question().map(Question::name).orElseThrow(
                () -> new IllegalArgumentException("request has no question"));
    }

    /** NAME QUERY REQUEST, RFC 1002 4.2.12: broadcast or unicast, with or without RD. */
    public static NameServicePacket query(int id, NetbiosName name, boolean broadcast, boolean recursionDesired) {
        Set<NmFlag> f = recursionDesired ? flags(broadcast, NmFlag.RECURSION_DESIRED) : flags(broadcast);
        return packet(id, false, NameServiceOpcode.QUERY, f, NameServiceRcode.NO_ERROR,
                List.of(Question.nb(name)), List.of(), List.of());
    }

    /** A unicast name query with recursion desired (nmblookup -U / -R). */
    public static NameServicePacket query(int id, NetbiosName name) {
        return query(id, name, false, true);
    }

    /** NODE STATUS REQUEST, RFC 1002 4.2.17: an NBSTAT question, no flags (as nmblookup -S / -A). */
    public static NameServicePacket nodeStatusRequest(int id, NetbiosName name) {
        return packet(id, false, NameServiceOpcode.QUERY, Set.of(), NameServiceRcode.NO_ERROR,
                List.of(Question.nbstat(name)), List.of(), List.of());
    }

    /** POSITIVE NAME QUERY RESPONSE, RFC 1002 4.2.13 (flags AA, RD, RA as Samba sends). */
    public static NameServicePacket positiveResponse(int id, NetbiosName name, long ttl, List<NbAddress> addresses) {
        return packet(id, true, NameServiceOpcode.QUERY, RESPONSE_FLAGS, NameServiceRcode.NO_ERROR, List.of(),
                List.of(new ResourceRecord(name, RrType.NB, RrType.CLASS_IN, ttl, new NbRData(addresses))),
                List.of());
    }

    /** A positive name query response to this request. */
    public static NameServicePacket positiveResponse(NameServicePacket request, long ttl, List<NbAddress> addresses) {
        return positiveResponse(request.transactionId(), questionName(request), ttl, addresses);
    }

    /** NEGATIVE NAME QUERY RESPONSE, RFC 1002 4.2.14: a NULL record, TTL 0, no data. */
    public static NameServicePacket negativeResponse(int id, NetbiosName name, NameServiceRcode rcode) {
        return packet(id, true, NameServiceOpcode.QUERY, RESPONSE_FLAGS, rcode, List.of(),
                List.of(new ResourceRecord(name, RrType.NULL, RrType.CLASS_IN, 0, RawRData.EMPTY)), List.of());
    }

    /** A negative name query response (usually NAM_ERR) to this request. */
    public static NameServicePacket negativeResponse(NameServicePacket request, NameServiceRcode rcode) {
        return negativeResponse(request.transactionId(), questionName(request), rcode);
    }

    /** NODE STATUS RESPONSE, RFC 1002 4.2.18 (flags AA), with a zeroed statistics block. */
    public static NameServicePacket nodeStatusResponse(int id, NetbiosName name, List<NodeName> names,
            MacAddress unitId) {
        return nodeStatusResponse(id, name, NodeStatusRData.of(names, unitId));
    }

    /** A node status response with the given RDATA (statistics as the caller wants them). */
    public static NameServicePacket nodeStatusResponse(int id, NetbiosName name, NodeStatusRData data) {
        return packet(id, true, NameServiceOpcode.QUERY, Set.of(NmFlag.AUTHORITATIVE_ANSWER), NameServiceRcode.NO_ERROR,
                List.of(), List.of(new ResourceRecord(name, RrType.NBSTAT, RrType.CLASS_IN, 0, data)), List.of());
    }

    /** A node status response to this request. */
    public static NameServicePacket nodeStatusResponse(NameServicePacket request, List<NodeName> names,
            MacAddress unitId) {
        return nodeStatusResponse(request.transactionId(), questionName(request), names, unitId);
    }

    private static NameServicePacket withAdditional(int id, NameServiceOpcode op, Set<NmFlag> f, NetbiosName name,
            NbAddress address, long ttl) {
        return packet(id, false, op, f, NameServiceRcode.NO_ERROR, List.of(Question.nb(name)), List.of(),
                List.of(ResourceRecord.nb(name, ttl, address)));
    }

    /**
     * NAME REGISTRATION REQUEST, RFC 1002 4.2.2: RD set; B set when broadcast (a B-node claiming
     * the name), clear when sent to the name server.
     */
    public static NameServicePacket registration(int id, NetbiosName name, NbAddress address, long ttl,
            boolean broadcast) {
        return withAdditional(id, NameServiceOpcode.REGISTRATION, flags(broadcast, NmFlag.RECURSION_DESIRED),
                name, address, ttl);
    }

    /** NAME OVERWRITE REQUEST &amp; DEMAND, RFC 1002 4.2.3: a registration with RD and B clear. */
    public static NameServicePacket overwriteDemand(int id, NetbiosName name, NbAddress address, long ttl) {
        return withAdditional(id, NameServiceOpcode.REGISTRATION, Set.of(), name, address, ttl);
    }

    /** Multi-homed name registration request ([MS-NBTE] 2.2.2, opcode 0xF), sent to the WINS server. */
    public static NameServicePacket multihomedRegistration(int id, NetbiosName name, NbAddress address, long ttl) {
        return withAdditional(id, NameServiceOpcode.MULTIHOMED_REGISTRATION, flags(false, NmFlag.RECURSION_DESIRED),
                name, address, ttl);
    }

    /** NAME REFRESH REQUEST, RFC 1002 4.2.4 (opcode 8). */
    public static NameServicePacket refresh(int id, NetbiosName name, NbAddress address, long ttl) {
        return refresh(id, name, address, ttl, NameServiceOpcode.REFRESH);
    }

    /** A refresh request with opcode 8 or 9 (the alternate refresh opcode Windows sends). */
    public static NameServicePacket refresh(int id, NetbiosName name, NbAddress address, long ttl,
            NameServiceOpcode opcode) {
        if (!opcode.isRefresh()) {
            throw new IllegalArgumentException("not a refresh opcode: " + opcode);
        }
        return withAdditional(id, opcode, Set.of(), name, address, ttl);
    }

    /** NAME RELEASE REQUEST &amp; DEMAND, RFC 1002 4.2.9 and 4.2.10: TTL 0, B when broadcast. */
    public static NameServicePacket release(int id, NetbiosName name, NbAddress address, boolean broadcast) {
        return withAdditional(id, NameServiceOpcode.RELEASE, flags(broadcast), name, address, ZERO_TTL);
    }

    /**
     * A response to a registration, refresh or release request (RFC 1002 4.2.5 to 4.2.7, 4.2.11):
     * rcode NO_ERROR for positive, otherwise negative (ACT_ERR: name owned by another node); the
     * answer record repeats the request's name and address.
     */
    public static NameServicePacket registrationResponse(NameServicePacket request, NameServiceRcode rcode, long ttl) {
        NetbiosName name = questionName(request);
        List<NbAddress> addresses = request.additional().map(ResourceRecord::addresses).orElse(List.of());
        Set<NmFlag> f = request.opcode().equals(NameServiceOpcode.RELEASE)
                ? EnumSet.of(NmFlag.AUTHORITATIVE_ANSWER) : RESPONSE_FLAGS;
        return packet(request.transactionId(), true, request.opcode(), f, rcode, List.of(),
                List.of(new ResourceRecord(name, RrType.NB, RrType.CLASS_IN, ttl, new NbRData(addresses))), List.of());
    }

    /** Positive or negative name release response, RFC 1002 4.2.11 (TTL 0). */
    public static NameServicePacket releaseResponse(NameServicePacket request, NameServiceRcode rcode) {
        return registrationResponse(request, rcode, ZERO_TTL);
    }

    /** NAME CONFLICT DEMAND, RFC 1002 4.2.8: a registration response with rcode CFT_ERR, TTL 0. */
    public static NameServicePacket conflictDemand(int id, NetbiosName name, NbAddress address) {
        return packet(id, true, NameServiceOpcode.REGISTRATION, RESPONSE_FLAGS, NameServiceRcode.CFT_ERR, List.of(),
                List.of(ResourceRecord.nb(name, ZERO_TTL, address)), List.of());
    }

    /**
     * WAIT FOR ACKNOWLEDGEMENT (WACK) RESPONSE, RFC 1002 4.2.16: tells the requester to wait up to
     * {@code ttl} seconds; the data echoes the request's header flags.
     */
    public static NameServicePacket wack(NameServicePacket request, long ttl) {
        return packet(request.transactionId(), true, NameServiceOpcode.WACK, Set.of(NmFlag.AUTHORITATIVE_ANSWER),
                NameServiceRcode.NO_ERROR, List.of(),
                List.of(new ResourceRecord(questionName(request), RrType.NB, RrType.CLASS_IN, ttl,
                        new WackRData(request.flagsWord()))), List.of());
    }
}
