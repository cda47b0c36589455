package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A whole SMB1 message: the header and its command blocks, split along the AndX chain.
 * [MS-CIFS] 2.2.3 SMB Message Structure, 2.2.3.4 Batched Messages ("AndX" Messages).
 *
 * <p>Splitting checks that every AndXOffset points forward, past the end of the previous block,
 * and inside the message; AndXCommand 0xFF ends the chain. Joining writes the blocks back to back
 * and patches each AndXCommand/AndXOffset.
 */
public record Smb1Packet(Smb1Header header, List<Smb1Block> blocks) {
    public Smb1Packet {
        blocks = List.copyOf(blocks);
    }

    public static Smb1Packet decode(byte[] message) throws Smb1DecodeException {
        try {
            return decode(WireReader.of(message, Smb1DecodeException::new));
        } catch (Smb1DecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new Smb1DecodeException(e.field(), e.offset(), e.detail());
        }
    }

    private static Smb1Packet decode(WireReader r) throws DecodeException {
        Smb1Header header = Smb1Header.decode(r);
        List<Smb1Block> blocks = new ArrayList<>();
        Smb1Command command = header.command();
        int pos = Smb1Header.SIZE;
        while (true) {
            r.seek("AndXOffset", pos);
            int wc = r.u8("WordCount");
            if (wc * 2 > r.remaining()) {
                throw r.failAt("WordCount", pos, "WordCount " + wc + " needs " + (wc * 2) + " bytes, "
                        + r.remaining() + " left");
            }
            if (wc == 42 && command.equals(Smb1Command.NT_CREATE_ANDX) && header.isReply() && r.remaining() >= 100 + 2) {
                // [MS-SMB] 2.2.4.9.2: Windows declares WordCount 42 for the extended response but sends 50 words
                wc = 50;
            }
            byte[] words = r.bytes("Words", wc * 2);
            int bcAt = r.position();
            int bc = r.u16le("ByteCount");
            if (bc > r.remaining()) {
                throw r.failAt("ByteCount", bcAt, "ByteCount " + bc + " past the end (" + r.remaining() + " left)");
            }
            int dataStart = r.position();
            int largeEnd = largeDataEnd(header, command, words, dataStart, r);
            byte[] data = largeEnd >= 0 ? r.bytes("Bytes", largeEnd - dataStart) : r.bytes("Bytes", bc);
            Smb1Block block = new Smb1Block(command, words, data, pos);
            blocks.add(block);
            int end = r.position();
            if (!command.isAndX() || wc < 2 || largeEnd >= 0) {
                break;
            }
            int next = words[0] & 0xFF;
            int nextOffset = (words[2] & 0xFF) | (words[3] & 0xFF) << 8;
            if (next == 0xFF) {
                break;
            }
            if (nextOffset < end) {
                throw r.failAt("AndXOffset", pos + 3, "AndXOffset " + nextOffset
                        + " does not move forward past the previous block (ends at " + end + ")");
            }
            if (nextOffset >= r.length()) {
                throw r.failAt("AndXOffset", pos + 3, "AndXOffset " + nextOffset + " outside the "
                        + r.length() + "-byte message");
            }
            command = Smb1Command.of(next);
            pos = nextOffset;
        }
        return new Smb1Packet(header, blocks);
    }

    /**
     * For a large READ_ANDX response or WRITE_ANDX request ([MS-SMB] 2.2.4.2.2 and 2.2.4.3.1, DataLengthHigh
     * non-zero) the data runs past what the 16-bit ByteCount can say: returns the end of the data,
     * checked to lie after the ByteCount and inside the message; -1 when the block is not large.
     */
    private static int largeDataEnd(Smb1Header header, Smb1Command command, byte[] words, int dataStart,
            WireReader r) throws DecodeException {
        int lowAt;
        int offAt;
        int highAt;
        if (command.equals(Smb1Command.READ_ANDX) && header.isReply() && words.length == 24) {
            lowAt = 10;
            offAt = 12;
            highAt = 14;
        } else if (command.equals(Smb1Command.WRITE_ANDX) && !header.isReply()
                && (words.length == 24 || words.length == 28)) {
            highAt = 18;
            lowAt = 20;
            offAt = 22;
        } else {
            return -1;
        }
        int high = u16(words, highAt);
        if (high == 0) {
            return -1;
        }
        long length = ((long) high << 16) | u16(words, lowAt);
        int offset = u16(words, offAt);
        long end = offset + length;
        if (offset < dataStart || end > r.length()) {
            throw r.failAt("DataOffset", dataStart - 2, "large data at offset " + offset + ", length " + length
                    + " outside [" + dataStart + ", " + r.length() + ")");
        }
        return (int) end;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** The first block (the header's command). */
    public Smb1Block first() {
        return blocks.get(0);
    }

    /** Joins the header and blocks; the header's command is set to the first block's command. */
    public byte[] encode() {
        return join(header, blocks);
    }

    static byte[] join(Smb1Header header, List<Smb1Block> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no blocks");
        }
        WireWriter w = new WireWriter();
        header.withCommand(blocks.get(0).command()).encode(w);
        for (int i = 0; i < blocks.size(); i++) {
            Smb1Block b = blocks.get(i);
            int at = w.size();
            // a large read/write's data can exceed what ByteCount holds: the low 16 bits are sent
            w.u8(b.wordCount()).bytes(b.words()).u16le(b.data().length & 0xFFFF).bytes(b.data());
            if (b.command().isAndX() && b.wordCount() >= 2) {
                boolean last = i == blocks.size() - 1;
                w.patchU8(at + 1, last ? 0xFF : blocks.get(i + 1).command().value());
                w.patchU8(at + 2, 0);
                w.patchU16le(at + 3, last ? 0 : w.size());
            }
        }
        return w.toByteArray();
    }

    /**
     * Encodes messages as one chain: each message is laid out at the offset it will occupy, so
     * its string alignment and data offsets are right.
     */
    public static byte[] encode(Smb1Header header, List<? extends Smb1Message> messages) {
        List<Smb1Block> blocks = new ArrayList<>();
        int offset = Smb1Header.SIZE;
        for (Smb1Message m : messages) {
            Smb1Block b = m.encode(offset, header.flags2());
            blocks.add(b);
            offset += b.size();
        }
        return join(header, blocks);
    }

    public static byte[] encode(Smb1Header header, Smb1Message message) {
        return encode(header, List.of(message));
    }
}
