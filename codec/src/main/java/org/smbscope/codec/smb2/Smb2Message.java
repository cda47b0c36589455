package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.WireWriter;

/**
 * An SMB2 message body, [MS-SMB2] 2.2. Requests and responses form two sealed hierarchies; the
 * header ({@link Smb2Header}) is separate and {@link Smb2Packet} pairs them. Encode and decode with
 * {@link Smb2Codec}.
 */
public sealed interface Smb2Message extends Described permits Smb2Request, Smb2Response {
    Smb2Command command();

    /**
     * Writes the body (from StructureSize on). Buffer offsets are computed relative to
     * {@code headerStart}, the position in {@code w} of this message's header. Normally called by
     * {@link Smb2Codec#encode}.
     */
    void writeBody(WireWriter w, int headerStart);

    /**
     * About how many bytes {@link #writeBody} writes, so that an encoder can size its buffer once
     * instead of growing it; messages carrying bulk data (READ response, WRITE request) say exactly.
     */
    default int bodyLengthHint() {
        return 128;
    }
}
