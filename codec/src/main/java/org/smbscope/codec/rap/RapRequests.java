package org.smbscope.codec.rap;

/** Entry point: decodes a RAP request from the Trans_Parameters of a {@code \PIPE\LANMAN} transaction. */
public final class RapRequests {
    private RapRequests() {
    }

    public static RapRequest decode(byte[] transParameters) throws RapDecodeException {
        return RapRequest.decode(transParameters);
    }
}
