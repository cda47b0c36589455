package org.smbscope.trace.event;

/**
 * What kind of message an exchange carries, decided from the transport, port and first bytes.
 * NetBIOS name (UDP 137) and datagram (UDP 138) services, NetBIOS session service control
 * packets (TCP 139: session request, responses, keepalive), SMB1 ({@code 0xFF 'SMB'}), SMB2/3
 * ({@code 0xFE 'SMB'}), the SMB3 transform ({@code 0xFD 'SMB'}) and compression
 * ({@code 0xFC 'SMB'}) headers, Kerberos (port 88). {@link #GAP} is no message but a place where
 * the capture lost stream bytes (see {@link CaptureGap}).
 */
public enum Layer {
    NBNS, NBDS, NBSS, SMB1, SMB2, SMB2_TRANSFORM, SMB2_COMPRESSED, KERBEROS, UNKNOWN, GAP;

    /** Classifies a session-service frame's payload by its protocol id. */
    public static Layer ofSmbPayload(byte[] payload) {
        if (payload.length >= 4 && payload[1] == 'S' && payload[2] == 'M' && payload[3] == 'B') {
            return switch (payload[0] & 0xFF) {
                case 0xFF -> SMB1;
                case 0xFE -> SMB2;
                case 0xFD -> SMB2_TRANSFORM;
                case 0xFC -> SMB2_COMPRESSED;
                default -> UNKNOWN;
            };
        }
        return UNKNOWN;
    }
}
