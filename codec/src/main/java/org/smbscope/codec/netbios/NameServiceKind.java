package org.smbscope.codec.netbios;

/** The RFC 1002 4.2 message a name service packet is, judged from its header and sections. */
public enum NameServiceKind {
    NAME_QUERY_REQUEST,
    NODE_STATUS_REQUEST,
    POSITIVE_NAME_QUERY_RESPONSE,
    NEGATIVE_NAME_QUERY_RESPONSE,
    REDIRECT_NAME_QUERY_RESPONSE,
    NODE_STATUS_RESPONSE,
    NAME_REGISTRATION_REQUEST,
    NAME_OVERWRITE_DEMAND,
    MULTIHOMED_REGISTRATION_REQUEST,
    POSITIVE_REGISTRATION_RESPONSE,
    NEGATIVE_REGISTRATION_RESPONSE,
    NAME_CONFLICT_DEMAND,
    NAME_REFRESH_REQUEST,
    NAME_RELEASE_REQUEST,
    POSITIVE_RELEASE_RESPONSE,
    NEGATIVE_RELEASE_RESPONSE,
    WAIT_FOR_ACKNOWLEDGEMENT,
    OTHER;

    static NameServiceKind of(NameServicePacket p) {
        int op = p.opcode().value();
        boolean err = p.rcode().isError();
        if (!p.response()) {
            return switch (op) {
                case 0 -> p.question().map(q -> q.type().equals(RrType.NBSTAT)).orElse(false)
                        ? NODE_STATUS_REQUEST : NAME_QUERY_REQUEST;
                case 5 -> p.has(NmFlag.RECURSION_DESIRED) || p.isBroadcast()
                        ? NAME_REGISTRATION_REQUEST : NAME_OVERWRITE_DEMAND;
                case 15 -> MULTIHOMED_REGISTRATION_REQUEST;
                case 8, 9 -> NAME_REFRESH_REQUEST;
                case 6 -> NAME_RELEASE_REQUEST;
                default -> OTHER;
            };
        }
        return switch (op) {
            case 0 -> {
                if (p.nodeStatus().isPresent()) {
                    yield NODE_STATUS_RESPONSE;
                }
                if (err) {
                    yield NEGATIVE_NAME_QUERY_RESPONSE;
                }
                if (!p.answers().isEmpty() && p.answers().get(0).type().equals(RrType.NS)) {
                    yield REDIRECT_NAME_QUERY_RESPONSE;
                }
                yield POSITIVE_NAME_QUERY_RESPONSE;
            }
            case 5, 8, 9, 15 -> p.rcode().equals(NameServiceRcode.CFT_ERR) ? NAME_CONFLICT_DEMAND
                    : err ? NEGATIVE_REGISTRATION_RESPONSE : POSITIVE_REGISTRATION_RESPONSE;
            case 6 -> err ? NEGATIVE_RELEASE_RESPONSE : POSITIVE_RELEASE_RESPONSE;
            case 7 -> WAIT_FOR_ACKNOWLEDGEMENT;
            default -> OTHER;
        };
    }
}
