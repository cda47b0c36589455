package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.Detail;

/**
 * RDATA of a WAIT FOR ACKNOWLEDGEMENT response, RFC 1002 4.2.16: the 16-bit header flags word of
 * the request being acknowledged (R, OPCODE, NM_FLAGS, RCODE).
 */
public record WackRData(int requestFlags) implements RData {
    public WackRData {
        if (requestFlags < 0 || requestFlags > 0xFFFF) {
            throw new IllegalArgumentException("flags must be 16 bits");
        }
    }

    @Override
    public void describe(Detail into) {
        into.field("Request flags", String.format("0x%04x (%s)", requestFlags,
                NameServiceOpcode.of(requestFlags >> 11).description()));
    }
}
