package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

class SmokeTest {
    @Test
    void nodeStatusResponse() throws Exception {
        byte[] b = Hex.parse("""
            340d8400000000010000000020434b4141414141414141414141414141414141414141414141414141414141410000210001000000000089054c41423130202020202020202020200064004c41423130202020202020202020200364004c41423130202020202020202020202064004c414247525020202020202020202000e4004c41424752502020202020202020201ee40000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            """);
        NameServicePacket p = NameServicePacket.decode(b);
        System.out.println(p.detail().render());
        assertThat(p.encode()).isEqualTo(b);
        assertThat(p.kind()).isEqualTo(NameServiceKind.NODE_STATUS_RESPONSE);
    }
}
