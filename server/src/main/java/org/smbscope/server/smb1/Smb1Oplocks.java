package org.smbscope.server.smb1;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.BreakSender;

/**
 * SMB1 oplocks of one connection over the share's oplocks ({@code server.fs} Oplocks, reached through the tree
 * handler): the level an NT_CREATE_ANDX or OPEN_ANDX asks for ([MS-CIFS] 2.2.4.64.1 NT_CREATE_REQUEST_OPLOCK /
 * _OPBATCH, 2.2.4.41.1 REQ_OPLOCK / REQ_OPLOCK_BATCH), the level its response reports, and the break: an
 * unsolicited LOCKING_ANDX request with OPLOCK_RELEASE and the new level ([MS-CIFS] 2.2.4.32.1, 3.3.4.2), sent with
 * MID 0xFFFF and PID 0xFFFF and unsigned, as Windows and Samba send it. The client acknowledges with a
 * LOCKING_ANDX OPLOCK_RELEASE ({@link Smb1Locking}).
 */
final class Smb1Oplocks implements BreakSender {
    /** NT_CREATE_ANDX Flags / OPEN_ANDX Flags. */
    static final int REQUEST_OPLOCK = 0x02;
    static final int REQUEST_BATCH = 0x04;
    /** Offset of Action in the OPEN_ANDX response words. */
    private static final int OPEN_ANDX_ACTION = 22;

    /** Sends a frame on the connection (under its write lock). */
    @FunctionalInterface
    interface Sink {
        void send(byte[] frame) throws IOException;
    }

    private record Holder(int tid, int fid) {
    }

    private final Map<FileId, Holder> holders = new ConcurrentHashMap<>();
    private volatile Sink sink;

    void sink(Sink s) {
        this.sink = s;
    }

    /** The level asked by NT_CREATE_ANDX / OPEN_ANDX flags: batch needs REQUEST_OPLOCK too. */
    static OplockLevel requested(long flags) {
        if ((flags & REQUEST_OPLOCK) == 0) {
            return OplockLevel.NONE;
        }
        return (flags & REQUEST_BATCH) != 0 ? OplockLevel.BATCH : OplockLevel.EXCLUSIVE;
    }

    /**
     * [MS-CIFS] 2.2.4.64.2 OpLockLevel: 0 none, 1 exclusive, 2 batch, 3 level II (0 to a client that did not
     * announce CAP_LEVEL_II_OPLOCKS).
     */
    static int responseLevel(OplockLevel level, long clientCaps) {
        if (level.value() == OplockLevel.LEVEL_II.value()
                && (clientCaps & org.smbscope.codec.smb1.Capabilities.LEVEL_II_OPLOCKS) == 0) {
            return 0;
        }
        return responseLevel(level);
    }

    /** [MS-CIFS] 2.2.4.64.2 OpLockLevel: 0 none, 1 exclusive, 2 batch, 3 level II. */
    static int responseLevel(OplockLevel level) {
        int v = level.value();
        if (v == OplockLevel.EXCLUSIVE.value()) {
            return 1;
        }
        if (v == OplockLevel.BATCH.value()) {
            return 2;
        }
        return v == OplockLevel.LEVEL_II.value() ? 3 : 0;
    }

    static CreateRequest withLevel(CreateRequest r, OplockLevel level) {
        return new CreateRequest(level, r.impersonationLevel(), r.desiredAccess(), r.fileAttributes(), r.shareAccess(),
                r.createDisposition(), r.createOptions(), r.name(), r.contexts());
    }

    /** OPEN_ANDX response words with Action's LOCK bit (0x8000, [MS-CIFS] 2.2.4.41.2): an oplock was granted. */
    static Smb1RawMessage lockGranted(Smb1RawMessage openAndX) {
        byte[] w = openAndX.words();
        w[OPEN_ANDX_ACTION + 1] |= (byte) 0x80;
        return new Smb1RawMessage(openAndX.command(), openAndX.isResponse(), w, openAndX.data());
    }

    /** The open {@code id} (FID {@code fid} on tree {@code tid}) holds an oplock: breaks of it go to this FID. */
    void granted(FileId id, int tid, int fid) {
        holders.put(id, new Holder(tid, fid));
    }

    /** The open {@code id} is closed. */
    void closed(FileId id) {
        holders.remove(id);
    }

    @Override
    public boolean oplockBreak(FileId fileId, OplockLevel newLevel) {
        Holder h = holders.get(fileId);
        Sink s = sink;
        if (h == null || s == null) {
            return false;
        }
        try {
            s.send(breakRequest(h.tid(), h.fid(), newLevel));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The break: LOCKING_ANDX request, FID, TypeOfLock OPLOCK_RELEASE, NewOplockLevel 1 (level II) or 0 (none). */
    static byte[] breakRequest(int tid, int fid, OplockLevel to) {
        Smb1Header h = new Smb1Header(Smb1Command.LOCKING_ANDX, 0, Smb1Flags.NONE,
                new Smb1Flags2(Smb1Flags2.NT_STATUS | Smb1Flags2.LONG_NAMES), 0, new byte[8], tid, 0xFFFF, 0, 0xFFFF);
        byte[] words = new WireWriter().u32le(0xFF).u16le(fid).u8(Smb1Locking.OPLOCK_RELEASE)
                .u8(to.value() == OplockLevel.LEVEL_II.value() ? 1 : 0).u32le(0).u16le(0).u16le(0).toByteArray();
        return Smb1Packet.encode(h, new Smb1RawMessage(Smb1Command.LOCKING_ANDX, false, words, new byte[0]));
    }
}
