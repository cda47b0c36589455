package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/** FileStreamInformation ([MS-FSCC] 2.4.44) of a file: what QUERY_INFO and SMB1's TRANS2 stream level answer. */
final class StreamInfo {
    private StreamInfo() {
    }

    /**
     * FileStreamInformation ([MS-FSCC] 2.4.43) of {@code p}: {@code ::$DATA} first for a file (a directory
     * has none), then each named stream as {@code :name:$DATA}.
     */
    static List<FileInformation.Stream> list(Share share, Path p) throws Failure {
        FileFacts f = share.facts(p);
        List<FileInformation.Stream> out = new ArrayList<>();
        if (!f.directory()) {
            out.add(new FileInformation.Stream("::$DATA", f.endOfFile(),
                    f.allocationSize()));
        }
        try {
            for (StreamStore.Entry e : share.files.streams.list(p)) {
                long alloc = (e.size() + FileFacts.CLUSTER - 1) / FileFacts.CLUSTER * FileFacts.CLUSTER;
                out.add(new FileInformation.Stream(":" + e.name() + ":$DATA", e.size(),
                        alloc));
            }
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
        return out;
    }

    /**
     * A FileStreamInformation list that does not fit {@code max} bytes ([MS-FSA] 2.1.5.11.29): the entries that
     * fit whole, the last one ending the chain, with STATUS_BUFFER_OVERFLOW; null when not even the first one
     * does (the caller then cuts the bytes, as for any other class).
     */
    static Outcome overflow(byte[] out, int max) {
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int last = -1;
        int end = 0;
        while (at + 24 <= out.length) {
            long next = b.getInt(at) & 0xFFFFFFFFL;
            long entryEnd = at + 24 + (b.getInt(at + 4) & 0xFFFFFFFFL);
            if (entryEnd > max || entryEnd > out.length) {
                break;
            }
            last = at;
            end = (int) entryEnd;
            if (next == 0 || at + next >= out.length) {
                break;
            }
            at += (int) next;
        }
        if (last < 0) {
            return null;
        }
        byte[] cut = Arrays.copyOf(out, end);
        ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putInt(last, 0);
        return new Outcome.Done(NtStatus.BUFFER_OVERFLOW,
                new QueryInfoResponse(cut));
    }
}
