package org.smbscope.codec.asn1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.codec.wire.Hex;

class DerReaderTest {
    @ParameterizedTest
    @CsvSource({
        "1.3.6.1.5.5.2, 2b0601050502",
        "1.3.6.1.4.1.311.2.2.10, 2b06010401823702020a",
        "1.2.840.113554.1.2.2, 2a864886f712010202",
        "1.2.840.48018.1.2.2, 2a864882f712010202",
        "1.3.6.1.4.1.311.2.2.30, 2b06010401823702021e",
        "2.999.3, 8837 03"})
    void oidsEncodeAndDecode(String dotted, String hex) throws Exception {
        byte[] content = Hex.parse(hex);
        assertThat(new Oid(dotted).encodeContent()).isEqualTo(content);
        byte[] der = new DerWriter().oid(new Oid(dotted)).toByteArray();
        assertThat(DerReader.of(der).oid("oid")).isEqualTo(new Oid(dotted));
    }

    @Test
    void nestedContextTagsAndPrimitivesRoundTrip() throws Exception {
        byte[] der = new DerWriter().sequence(s -> s
                .explicit(0, x -> x.integer(5))
                .explicit(1, x -> x.enumerated(2))
                .explicit(2, x -> x.octetString(new byte[] {1, 2}))
                .explicit(3, x -> x.generalString("REALM.EXAMPLE"))
                .explicit(4, x -> x.bitString(new BitString(new byte[] {(byte) 0x80}, 7)))
                .explicit(5, x -> x.integer(BigInteger.valueOf(-129)))).toByteArray();
        DerReader seq = DerReader.of(der).sequence("seq");
        assertThat(seq.explicit("a", 0).longInteger("i")).isEqualTo(5);
        assertThat(seq.explicit("b", 1).enumerated("e")).isEqualTo(2);
        assertThat(seq.explicit("c", 2).octetString("o")).containsExactly(1, 2);
        assertThat(seq.explicit("d", 3).generalString("g")).isEqualTo("REALM.EXAMPLE");
        BitString bits = seq.explicit("e", 4).bitString("b");
        assertThat(bits.bit(0)).isTrue();
        assertThat(bits.bitLength()).isEqualTo(1);
        assertThat(seq.optionalExplicit("missing", 9)).isNull();
        assertThat(seq.explicit("f", 5).integer("i")).isEqualTo(BigInteger.valueOf(-129));
        seq.expectEnd("seq");
    }

    @Test
    void longFormLengthsAreRead() throws Exception {
        byte[] content = new byte[300];
        byte[] der = new DerWriter().octetString(content).toByteArray();
        assertThat(Hex.format(der, " ").substring(0, 11)).isEqualTo("04 82 01 2c");
        assertThat(DerReader.of(der).octetString("o")).hasSize(300);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "indefinite length, 3080 0000, indefinite length is not DER",
        "length past the end, 0405 0102, past the end",
        "five length octets, 0485 0000000001 00, length of 5 octets",
        "truncated header, 30, needs 1 bytes",
        "nested length past parent, 3003 0405 00, past the end",
        "empty integer, 0200, empty INTEGER",
        "bad oid padding, 0602 8001, malformed OBJECT IDENTIFIER",
        "wrong tag, 0401 00, expected UNIVERSAL 16"})
    void hostileInputsAreDecodeErrors(String name, String hex, String message) {
        assertThatThrownBy(() -> {
            DerReader r = DerReader.of(Hex.parse(hex));
            if (name.startsWith("nested") || name.startsWith("wrong")) {
                r.sequence("seq").octetString("o");
            } else if (name.startsWith("empty")) {
                r.integer("i");
            } else if (name.startsWith("bad oid")) {
                r.oid("o");
            } else {
                r.next("e");
            }
        }).isInstanceOf(Asn1DecodeException.class).hasMessageContaining(message);
    }
}
