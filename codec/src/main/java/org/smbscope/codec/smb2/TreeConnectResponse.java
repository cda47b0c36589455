package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.10 SMB2 TREE_CONNECT Response. */
public record TreeConnectResponse(ShareType shareType, ShareFlags shareFlags, ShareCapabilities capabilities,
        AccessMask maximalAccess) implements Smb2Response {
    static final int STRUCTURE_SIZE = 16;

    public TreeConnectResponse {
        Objects.requireNonNull(shareType);
        Objects.requireNonNull(shareFlags);
        Objects.requireNonNull(capabilities);
        Objects.requireNonNull(maximalAccess);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.TREE_CONNECT;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(shareType.value()).u8(0).u32le(shareFlags.value() & 0xFFFFFFFFL)
                .u32le(capabilities.value() & 0xFFFFFFFFL).u32le(maximalAccess.value() & 0xFFFFFFFFL);
    }

    static TreeConnectResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        ShareType type = new ShareType(r.u8("ShareType"));
        r.skip("Reserved", 1);
        ShareFlags flags = new ShareFlags(r.i32le("ShareFlags"));
        ShareCapabilities caps = new ShareCapabilities(r.i32le("Capabilities"));
        AccessMask access = new AccessMask(r.i32le("MaximalAccess"));
        return new TreeConnectResponse(type, flags, caps, access);
    }

    @Override
    public Detail detail() {
        return Detail.of("Tree Connect Response (0x03)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Share Type", shareType)
                .field("Share flags", shareFlags)
                .field("Share Capabilities", capabilities)
                .field("Maximal Access", maximalAccess);
    }
}
