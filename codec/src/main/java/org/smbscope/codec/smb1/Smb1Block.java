package org.smbscope.codec.smb1;

import java.util.Arrays;

/**
 * One command's parameter and data blocks ([MS-CIFS] 2.2.3.2 and 2.2.3.3): the words (WordCount*2
 * bytes, including the AndX header for AndX commands) and the data bytes (ByteCount), with
 * {@code offset} = position of the WordCount byte from the start of the SMB header, which string
 * alignment and in-message offsets depend on. The data may exceed 0xFFFF bytes only for a large
 * READ_ANDX response or WRITE_ANDX request (the length lives in DataLengthHigh/DataLength).
 */
public record Smb1Block(Smb1Command command, byte[] words, byte[] data, int offset) {
    public Smb1Block {
        words = words.clone();
        data = data.clone();
        if ((words.length & 1) != 0 || words.length > 0xFF * 2 || data.length > 0xFFFFFF) {
            throw new IllegalArgumentException("block sizes " + words.length + "/" + data.length);
        }
    }

    public int wordCount() {
        return words.length / 2;
    }

    /** Offset of the first data byte from the start of the SMB header. */
    public int dataOffset() {
        return offset + 1 + words.length + 2;
    }

    /** Total encoded size: WordCount + words + ByteCount + bytes. */
    public int size() {
        return 1 + words.length + 2 + data.length;
    }

    @Override
    public byte[] words() {
        return words.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb1Block b && command.equals(b.command) && offset == b.offset
                && Arrays.equals(words, b.words) && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return command.hashCode() + 31 * Arrays.hashCode(words) + 17 * Arrays.hashCode(data) + offset;
    }

    @Override
    public String toString() {
        return "Smb1Block[" + command.name() + ", wc=" + wordCount() + ", bc=" + data.length + ", at " + offset + "]";
    }
}
