package org.smbscope.codec.kerberos;

import java.util.Arrays;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/**
 * EncryptedData, RFC 4120 5.2.9: never decrypted here; shown as its encryption type, key version
 * and length.
 *
 * @param kvno null when absent
 */
public record EncryptedData(EncryptionType etype, Long kvno, byte[] cipher) {
    public EncryptedData {
        cipher = cipher.clone();
    }

    @Override
    public byte[] cipher() {
        return cipher.clone();
    }

    Detail detail(String title) {
        Detail d = Detail.of(title).field("etype", etype);
        if (kvno != null) {
            d.field("kvno", kvno);
        }
        return d.field("cipher", cipher.length + " bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedData e && e.etype.equals(etype) && Objects.equals(e.kvno, kvno)
                && Arrays.equals(e.cipher, cipher);
    }

    @Override
    public int hashCode() {
        return Objects.hash(etype, kvno) * 31 + Arrays.hashCode(cipher);
    }

    @Override
    public String toString() {
        return "EncryptedData[" + etype.name() + (kvno == null ? "" : ", kvno " + kvno) + ", " + cipher.length
                + " bytes]";
    }
}
