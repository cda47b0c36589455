package org.smbscope.codec.dtyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

class DtypTest {
    @Test
    void guidWireAndText() {
        Guid g = Guid.parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Hex.format(g.toWire())).isEqualTo("10b8a76bad9dd11180b400c04fd430c8");
        assertThat(Guid.fromWire(g.toWire())).isEqualTo(g);
        assertThat(g.toString()).isEqualTo("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    }

    @Test
    void sid() throws Exception {
        Sid s = Sid.parse("S-1-5-32-544");
        assertThat(Hex.format(s.encode())).isEqualTo("01020000000000052000000020020000");
        assertThat(Sid.decode(s.encode())).isEqualTo(s);
        assertThat(s.toString()).isEqualTo("S-1-5-32-544");
        assertThatThrownBy(() -> Sid.decode(Hex.parse("01 10 000000000005"))).isInstanceOf(DtypDecodeException.class);
    }
}
