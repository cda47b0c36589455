package org.smbscope.client;

import java.time.Instant;
import java.util.UUID;

/**
 * What the server chose in NEGOTIATE ([MS-SMB2] 2.2.4): dialect, whether it requires signing,
 * capabilities, GUID, times, maximum sizes, and for 3.1.1 the cipher and signing algorithm.
 */
public record NegotiatedInfo(SmbDialect dialect, boolean signingRequired, int capabilities, UUID serverGuid,
        Instant systemTime, int maxTransactSize, int maxReadSize, int maxWriteSize, String cipher,
        String signingAlgorithm, String preauthHash) {
}
