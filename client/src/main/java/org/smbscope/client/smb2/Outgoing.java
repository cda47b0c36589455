package org.smbscope.client.smb2;

/**
 * One request ready for the wire except for the fields the connection owns: message id, credit
 * charge, credits requested, signature. {@code message} is a full header + body; the connection
 * writes those fields into it in place (no copy of a 1 MiB WRITE), so an Outgoing is sent once.
 */
record Outgoing(byte[] message, int creditCharge) {
    Outgoing {
        if (!HeaderView.isSmb2(message, 0)) {
            throw new IllegalArgumentException("not an SMB2 message");
        }
        if (creditCharge < 1) {
            creditCharge = 1;
        }
    }

    static Outgoing of(byte[] message) {
        return new Outgoing(message, 1);
    }

    /** [MS-SMB2] 3.1.5.2: one credit per 64 KiB of payload. */
    static int chargeFor(long payload) {
        return payload <= 0 ? 1 : (int) ((payload - 1) / 65536 + 1);
    }
}
