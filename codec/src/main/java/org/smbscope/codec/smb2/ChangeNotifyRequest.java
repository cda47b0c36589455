package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.35 SMB2 CHANGE_NOTIFY Request. {@code flags}: 0x1 WATCH_TREE. */
public record ChangeNotifyRequest(int flags, int outputBufferLength, FileId fileId, int completionFilter)
        implements Smb2Request {
    static final int STRUCTURE_SIZE = 32;
    public static final int WATCH_TREE = 0x1;

    public ChangeNotifyRequest {
        Objects.requireNonNull(fileId);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.CHANGE_NOTIFY;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(flags).u32le(outputBufferLength & 0xFFFFFFFFL);
        fileId.write(w);
        w.u32le(completionFilter & 0xFFFFFFFFL).u32le(0);
    }

    static ChangeNotifyRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int flags = r.u16le("Flags");
        int length = r.i32le("OutputBufferLength");
        FileId id = b.fileId();
        int filter = r.i32le("CompletionFilter");
        r.skip("Reserved", 4);
        return new ChangeNotifyRequest(flags, length, id, filter);
    }

    @Override
    public Detail detail() {
        return Detail.of("Notify Request (0x0f)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Flags", String.format("0x%04x", flags))
                .field("Output Buffer Length", Integer.toUnsignedString(outputBufferLength))
                .field("File Id", fileId)
                .field("Completion Filter", String.format("0x%08x", completionFilter));
    }
}
