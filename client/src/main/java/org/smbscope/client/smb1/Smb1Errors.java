package org.smbscope.client.smb1;

import java.io.IOException;
import java.util.List;

import org.smbscope.client.SmbException;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.status.Win32Error;

/** Decodes SMB1 responses and turns error statuses (NTSTATUS or DOS class/code) into {@link SmbException}s. */
final class Smb1Errors {
    private Smb1Errors() {
    }

    /** A decoded response: its header and its messages (one per AndX block). */
    record Response(Smb1Header header, List<Smb1Message> messages, byte[] raw) {
        NtStatus status() {
            return header.ntStatusValue();
        }

        Smb1Message first() {
            return messages.get(0);
        }
    }

    static SmbException exception(NtStatus status, String context) {
        Win32Error w = status.win32().orElse(null);
        return new SmbException(context, status.value(), status.sambaName(), w == null ? -1 : w.code(),
                w == null ? "" : w.message());
    }

    static Response decode(byte[] m) throws SmbProtocolException {
        try {
            Smb1Packet p = Smb1Packet.decode(m);
            List<Smb1Message> out = new java.util.ArrayList<>();
            for (var b : p.blocks()) {
                out.add(Smb1Messages.decode(p.header(), b));
            }
            return new Response(p.header(), out, m);
        } catch (Smb1DecodeException e) {
            throw new SmbProtocolException("malformed SMB1 response: " + e.getMessage(), e);
        }
    }

    /** Decodes and requires success (or one of {@code alsoOk}). */
    static Response expect(byte[] m, String context, NtStatus... alsoOk) throws IOException {
        Response r = decode(m);
        NtStatus st = r.status();
        if (!st.equals(NtStatus.SUCCESS)) {
            for (NtStatus a : alsoOk) {
                if (a.equals(st)) {
                    return r;
                }
            }
            throw exception(st, context);
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static <T extends Smb1Message> T as(Response r, Class<T> type, String what) throws SmbProtocolException {
        Smb1Message m = r.first();
        if (!type.isInstance(m)) {
            throw new SmbProtocolException("expected " + what + ", got " + m.getClass().getSimpleName());
        }
        return (T) m;
    }
}
