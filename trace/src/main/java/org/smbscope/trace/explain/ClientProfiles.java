package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Packet;

/**
 * What default clients would do with the server seen in these messages: Windows 11 24H2 (SMB 2/3
 * only, signing required, no guest), Windows 10 (SMB 2/3 only since 1709, signs when the server
 * requires it), Samba's smbclient 4.x (SMB 2.0.2 to 3.1.1 by default, NTLMv2) and Windows 7
 * (SMB1 and up to SMB 2.1). Read from the NEGOTIATE responses (the doctor's probe matrix).
 */
public final class ClientProfiles {
    private ClientProfiles() {
    }

    public static List<String> verdicts(List<Message> messages) {
        int best = 0;
        boolean smb1 = false;
        boolean smb1Signs = false;
        boolean smb2Accepted21OrBelow = false;
        for (Message m : messages) {
            if (m.decoded() instanceof Smb2Packet p && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse r
                    && p.header().status().isSuccess()) {
                best = Math.max(best, r.dialect().value());
                smb2Accepted21OrBelow |= r.dialect().value() <= Smb2Dialect.SMB_2_1.value();
            } else if (m.decoded() instanceof Smb1Part p && p.message() instanceof NegotiateResponse r && !r.isNoDialect()) {
                smb1 = true;
                smb1Signs = r.securityMode().signingEnabled();
            }
        }
        List<String> out = new ArrayList<>();
        if (best == 0 && !smb1) {
            return out;
        }
        String smb2 = best == 0 ? null : new Smb2Dialect(best).name();
        out.add("Windows 11 24H2: " + (smb2 != null ? "connects with " + smb2 + " and signs (it requires signing; SMB2 servers"
                + " can always sign); guest access is refused" : "cannot connect: the server speaks only SMB1, which"
                + " Windows 11 no longer has" + (smb1Signs ? "" : ", and it does not sign (System error 1240 if SMB1 is re-enabled)")) + ".");
        out.add("Windows 10: " + (smb2 != null ? "connects with " + smb2 + "; signs only if the server requires it"
                : "cannot connect: no SMB1 client since 1709") + ".");
        out.add("Samba smbclient (defaults): " + (smb2 != null ? "connects with " + smb2 + " using NTLMv2"
                : "cannot connect unless run with -m NT1 (client min protocol = NT1)") + ".");
        out.add("Windows 7: " + (smb2Accepted21OrBelow ? "connects with SMB 2.1" : smb1 ? "connects with SMB1"
                : "cannot connect: it speaks at most SMB 2.1") + ".");
        return out;
    }
}
