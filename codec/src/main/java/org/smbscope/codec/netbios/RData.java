package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.Detail;

/**
 * The RDATA of a name service resource record, RFC 1002 4.2.1.3, typed by what it carries:
 * NB address entries, a node status name table, a WACK's echoed header flags, an IPv4 address
 * (A) or opaque bytes for anything else.
 */
public sealed interface RData permits NbRData, NodeStatusRData, WackRData, AddressRData, RawRData {
    /** Adds this data's lines to a resource record's detail node. */
    void describe(Detail into);
}
