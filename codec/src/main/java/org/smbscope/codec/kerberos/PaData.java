package org.smbscope.codec.kerberos;

import java.util.Arrays;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/**
 * PA-DATA, RFC 4120 5.2.7: pre-authentication data. The detail decodes what a person needs:
 * the AP-REQ of a PA-TGS-REQ (the TGT used), the etypes and salts of PA-ETYPE-INFO2, the
 * encryption type of PA-ENC-TIMESTAMP and the PAC request flag.
 */
public record PaData(PaDataType type, byte[] value) {
    public PaData {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    Detail detail() {
        Detail d = Detail.of("PA-DATA " + type.name()).field("padata-type", type)
                .field("padata-value", value.length + " bytes");
        if (value.length == 0) {
            return d; // in METHOD-DATA an empty value means "this type is supported"
        }
        try {
            switch (type.value()) {
                case 1 -> d.child(KerberosReader.apReq(value).detail());
                case 2 -> d.child(KerberosReader.encryptedData(value).detail("PA-ENC-TIMESTAMP"));
                case 19 -> KerberosReader.etypeInfo2(value).forEach(e -> d.line("ETYPE-INFO2-ENTRY: " + e));
                case 128 -> d.field("include-pac", KerberosReader.pacRequest(value));
                default -> { }
            }
        } catch (KerberosDecodeException e) {
            d.field("Malformed", e.getMessage());
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaData p && p.type.equals(type) && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "PaData[" + type.name() + ", " + value.length + " bytes]";
    }
}
