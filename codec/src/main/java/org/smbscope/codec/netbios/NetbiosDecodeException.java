package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.DecodeErrors;
import org.smbscope.codec.wire.DecodeException;

/**
 * A malformed NetBIOS over TCP/IP packet (RFC 1002 section 4). {@link #protocol()} names the
 * sub-protocol being decoded: "NBNS" (name service, UDP 137), "NBDS" (datagram service, UDP 138),
 * "NBSS" (session service, TCP 139) or "NetBIOS" for a name decoded on its own.
 */
public final class NetbiosDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    /** Protocol name of the name service. */
    public static final String NBNS = "NBNS";
    /** Protocol name of the datagram service. */
    public static final String NBDS = "NBDS";
    /** Protocol name of the session service. */
    public static final String NBSS = "NBSS";
    /** Protocol name for NetBIOS names and direct-host framing. */
    public static final String NETBIOS = "NetBIOS";

    private final String protocol;

    public NetbiosDecodeException(String field, int offset, String detail) {
        this(NETBIOS, field, offset, detail);
    }

    public NetbiosDecodeException(String protocol, String field, int offset, String detail) {
        super(field, offset, detail);
        this.protocol = protocol;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    /** A {@link DecodeErrors} factory for a {@link org.smbscope.codec.wire.WireReader}. */
    static DecodeErrors errors(String protocol) {
        return (field, offset, detail) -> new NetbiosDecodeException(protocol, field, offset, detail);
    }

    /** Narrows a reader failure (always created by {@link #errors(String)}) to this type. */
    static NetbiosDecodeException of(DecodeException e) {
        if (e instanceof NetbiosDecodeException n) {
            return n;
        }
        return new NetbiosDecodeException(NETBIOS, e.field(), e.offset(), e.detail());
    }
}
