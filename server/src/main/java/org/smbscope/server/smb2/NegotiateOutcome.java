package org.smbscope.server.smb2;

import org.smbscope.codec.smb2.Cipher;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SigningAlgorithm;

/**
 * The result of a NEGOTIATE: the response to send and the connection state it fixes ([MS-SMB2] 3.3.5.4):
 * the dialect, the cipher (null if none) and signing algorithm chosen from the client's 3.1.1 contexts.
 */
record NegotiateOutcome(NegotiateResponse response, int dialect, Cipher cipher, SigningAlgorithm signingAlgorithm) {
}
