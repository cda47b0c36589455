package org.smbscope.cli.smbclient;

import java.io.PrintWriter;
import java.time.Instant;

import org.smbscope.client.WireTap;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.spnego.SpnegoDecodeException;
import org.smbscope.codec.spnego.SpnegoToken;
import org.smbscope.codec.wire.Described;

/**
 * {@code --trace}: each message with time, direction, size and its decoded tree; the security
 * blobs of NEGOTIATE responses and SESSION_SETUPs are decoded too (SPNEGO with NTLMSSP or a
 * Kerberos AP-REQ / AP-REP / KRB-ERROR).
 */
final class TraceTap implements WireTap {
    private final PrintWriter err;

    TraceTap(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void frame(Direction direction, Instant at, byte[] frame, Object decoded) {
        String arrow = direction == Direction.SENT ? "-->" : "<--";
        err.println(at + " " + arrow + " " + frame.length + " bytes");
        if (decoded instanceof Described d) {
            d.detail().render().lines().forEach(l -> err.println("    " + l));
            byte[] blob = securityBlob(decoded);
            if (blob != null && blob.length > 0) {
                try {
                    SpnegoToken.decode(blob).detail().render().lines().forEach(l -> err.println("      " + l));
                } catch (SpnegoDecodeException e) {
                    err.println("      Security Blob: not SPNEGO (" + e.getMessage() + ")");
                }
            }
        } else if (decoded != null) {
            err.println("    " + decoded);
        }
        err.flush();
    }

    /** The GSS/SPNEGO token of a NEGOTIATE response or SESSION_SETUP (NTLMSSP, Kerberos AP-REQ/AP-REP). */
    static byte[] securityBlob(Object decoded) {
        if (decoded instanceof Smb2Packet p) {
            if (p.message() instanceof SessionSetupRequest r) {
                return r.securityBuffer();
            }
            if (p.message() instanceof SessionSetupResponse r) {
                return r.securityBuffer();
            }
            if (p.message() instanceof NegotiateResponse r) {
                return r.securityBuffer();
            }
        }
        return null;
    }
}
