package org.smbscope.trace.explain;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.smbscope.codec.smb1.ReadAndXResponse;
import org.smbscope.codec.smb1.WriteAndXRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.trace.event.Exchange;

/**
 * Drops file data from decoded messages so a long capture can be analyzed in memory that grows
 * with the number of messages, not with the bytes they carried: an exchange's payload is cut to
 * {@code keepBytes} (its headers, already decoded), and the data of SMB2 READ responses and WRITE
 * requests becomes a view of one shared zero-filled array with the same length (SMB1 READ_ANDX
 * responses and WRITE_ANDX requests, whose records copy their data, get none: nothing reads their
 * length after decoding), so summaries,
 * detail trees and rules still see the sizes. Apply after {@link MessageDecoder} and before
 * {@link Explainer}; not to exchanges that still need decrypting.
 */
public final class MessageSlimmer {
    private final int keepBytes;
    private byte[] zeros = new byte[0];

    /** @param keepBytes bytes of each exchange's payload kept (larger payloads are cut) */
    public MessageSlimmer(int keepBytes) {
        this.keepBytes = keepBytes;
    }

    /** The message with its file data dropped, or the message itself when it carries little. */
    public Message slim(Message m) {
        Exchange e = m.exchange();
        if (e.payload().length <= keepBytes) {
            return m;
        }
        Exchange cut = new Exchange(e.index(), e.frame(), e.time(), e.client(), e.server(), e.direction(), e.layer(),
                Arrays.copyOf(e.payload(), keepBytes));
        return new Message(cut, m.part(), slimDecoded(m.decoded()), m.summary(), m.detail());
    }

    private Object slimDecoded(Object decoded) {
        if (decoded instanceof Smb2Packet p) {
            if (p.message() instanceof ReadResponse r && r.dataLength() > keepBytes) {
                return new Smb2Packet(p.header(), new ReadResponse(r.dataRemaining(), r.flags(), zeros(r.dataLength())),
                        p.offset(), p.length());
            }
            if (p.message() instanceof WriteRequest w && w.data().remaining() > keepBytes) {
                return new Smb2Packet(p.header(), new WriteRequest(w.offset(), w.fileId(), w.channel(),
                        w.remainingBytes(), w.flags(), zeros(w.data().remaining())), p.offset(), p.length());
            }
        }
        if (decoded instanceof Smb1Part p) {
            if (p.message() instanceof ReadAndXResponse r && r.data().length > keepBytes) {
                return new Smb1Part(p.header(), new ReadAndXResponse(r.available(), new byte[0]));
            }
            if (p.message() instanceof WriteAndXRequest w && w.data().length > keepBytes) {
                return new Smb1Part(p.header(), new WriteAndXRequest(w.fid(), w.offset(), w.timeout(), w.writeMode(),
                        w.remaining(), new byte[0]));
            }
        }
        return decoded;
    }


    private ByteBuffer zeros(int length) {
        if (zeros.length < length) {
            zeros = new byte[Math.max(length, 2 * zeros.length)];
        }
        return ByteBuffer.wrap(zeros, 0, length).slice();
    }
}
