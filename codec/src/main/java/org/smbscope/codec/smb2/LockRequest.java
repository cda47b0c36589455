package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.26 SMB2 LOCK Request with its SMB2_LOCK_ELEMENTs (2.2.26.1). */
public record LockRequest(int lockSequence, FileId fileId, List<Element> locks) implements Smb2Request {
    static final int STRUCTURE_SIZE = 48;
    public static final int SHARED_LOCK = 0x1;
    public static final int EXCLUSIVE_LOCK = 0x2;
    public static final int UNLOCK = 0x4;
    public static final int FAIL_IMMEDIATELY = 0x10;

    /** One lock range. */
    public record Element(long offset, long length, int flags) {
    }

    public LockRequest {
        Objects.requireNonNull(fileId);
        locks = List.copyOf(locks);
        if (locks.isEmpty()) {
            throw new IllegalArgumentException("a LOCK request has at least one element");
        }
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.LOCK;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(locks.size()).u32le(lockSequence & 0xFFFFFFFFL);
        fileId.write(w);
        for (Element e : locks) {
            w.u64le(e.offset).u64le(e.length).u32le(e.flags & 0xFFFFFFFFL).u32le(0);
        }
    }

    static LockRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int count = r.u16le("LockCount");
        int seq = r.i32le("LockSequence");
        FileId id = b.fileId();
        if (count == 0 || (long) count * 24 > r.remaining()) {
            throw r.fail("LockCount", count + " lock elements (1.. that fit the message)");
        }
        List<Element> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long off = r.u64le("Lock.Offset");
            long len = r.u64le("Lock.Length");
            int flags = r.i32le("Lock.Flags");
            r.skip("Lock.Reserved", 4);
            list.add(new Element(off, len, flags));
        }
        return new LockRequest(seq, id, list);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Lock Request (0x0a)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Lock Count", locks.size())
                .field("Lock Sequence", String.format("0x%08x", lockSequence))
                .field("File Id", fileId);
        locks.forEach(e -> d.line("Lock: offset " + Long.toUnsignedString(e.offset) + " length "
                + Long.toUnsignedString(e.length) + " flags " + String.format("0x%08x", e.flags)));
        return d;
    }
}
