package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.9 SMB2 TREE_CONNECT Request: the share path "\\server\share" in UTF-16LE.
 * {@code flags} (3.1.1): 0x1 CLUSTER_RECONNECT, 0x2 REDIRECT_TO_OWNER, 0x4 EXTENSION_PRESENT. With
 * EXTENSION_PRESENT the path is still located by PathOffset/PathLength; tree connect contexts are
 * not decoded.
 */
public record TreeConnectRequest(int flags, String path) implements Smb2Request {
    static final int STRUCTURE_SIZE = 9;
    public static final int FLAG_CLUSTER_RECONNECT = 0x1;
    public static final int FLAG_REDIRECT_TO_OWNER = 0x2;
    public static final int FLAG_EXTENSION_PRESENT = 0x4;

    public TreeConnectRequest {
        Objects.requireNonNull(path);
    }

    public TreeConnectRequest(String path) {
        this(0, path);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.TREE_CONNECT;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(flags);
        int offsetAt = w.size();
        w.u16le(0).u16le(path.length() * 2);
        w.patchU16le(offsetAt, w.size() - headerStart);
        w.utf16le(path);
        if (path.isEmpty()) {
            w.u8(0);
        }
    }

    static TreeConnectRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int flags = r.u16le("Flags");
        int offset = r.u16le("PathOffset");
        int length = r.u16le("PathLength");
        return new TreeConnectRequest(flags, b.utf16("Path", offset, length));
    }

    @Override
    public Detail detail() {
        return Detail.of("Tree Connect Request (0x03)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Flags", String.format("0x%04x", flags))
                .field("Tree", path);
    }
}
