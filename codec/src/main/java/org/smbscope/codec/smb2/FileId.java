package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** SMB2_FILEID, [MS-SMB2] 2.2.14.1: persistent and volatile halves. */
public record FileId(long persistent, long volatileId) {
    /** All ones: "the file opened by the previous request in this compound" (3.2.4.1.4). */
    public static final FileId RELATED = new FileId(-1L, -1L);
    public static final FileId ZERO = new FileId(0, 0);

    static FileId read(WireReader r) throws DecodeException {
        long p = r.u64le("FileId.Persistent");
        long v = r.u64le("FileId.Volatile");
        return new FileId(p, v);
    }

    void write(WireWriter w) {
        w.u64le(persistent).u64le(volatileId);
    }

    @Override
    public String toString() {
        return String.format("%016x:%016x", persistent, volatileId);
    }
}
