package org.smbscope.client.smb2;

import org.smbscope.client.SmbException;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.status.Win32Error;

/** Turns responses into decoded packets and error statuses into {@link SmbException}s. */
final class Smb2Errors {
    private Smb2Errors() {
    }

    static SmbException exception(NtStatus status, String context) {
        Win32Error w = status.win32().orElse(null);
        return new SmbException(context, status.value(), status.sambaName(), w == null ? -1 : w.code(),
                w == null ? "" : w.message());
    }

    static Smb2Packet decode(Incoming in) throws SmbProtocolException {
        try {
            return Smb2Codec.decode(in.message());
        } catch (Smb2DecodeException e) {
            throw new SmbProtocolException("malformed response: " + e.getMessage(), e);
        }
    }

    /** Decodes and requires success (or one of {@code alsoOk}). */
    static Smb2Packet expect(Incoming in, String context, NtStatus... alsoOk) throws java.io.IOException {
        NtStatus st = new NtStatus(in.status());
        if (!st.equals(NtStatus.SUCCESS)) {
            boolean ok = false;
            for (NtStatus a : alsoOk) {
                ok |= a.equals(st);
            }
            if (!ok) {
                throw exception(st, context);
            }
        }
        return decode(in);
    }

    static Object decodeForTrace(byte[] m) {
        try {
            return Smb2Codec.decode(m);
        } catch (Smb2DecodeException e) {
            return "undecodable: " + e.getMessage();
        }
    }
}
