package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * SMB1 only. Evidence: SMB1 NEGOTIATE requests and responses, and whether any SMB2 NEGOTIATE
 * succeeded. A client offered SMB2 in its SMB1 negotiate and the server still picked an SMB1
 * dialect; or the doctor's SMB2 probes were all refused while NT LM 0.12 was accepted. Windows
 * 10 1709+ and 11 have no SMB1 client by default, so they cannot connect.
 */
final class Smb1OnlyRule implements Rule {
    static final Fix FIX = new Fix(
            "Turn SMB2/3 on at the server: PowerShell Set-SmbServerConfiguration -EnableSMB2Protocol $true (Windows),"
                    + " or upgrade the device; do not re-enable the SMB1 client (Windows Features > SMB 1.0/CIFS"
                    + " File Sharing Support) except as a stopgap",
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters SMB2=1 (DWORD)",
            "server max protocol = SMB3 (and server min protocol = SMB2_02)");

    @Override
    public String name() {
        return "smb1-only";
    }

    @Override
    public List<Finding> check(Observations o) {
        boolean smb2Works = o.messages().stream().anyMatch(m -> m.decoded() instanceof Smb2Packet p && p.isResponse()
                && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse);
        if (smb2Works) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        boolean smb2Probed = o.messages().stream().anyMatch(m -> o.isProbe(m) && m.decoded() instanceof Smb2Packet);
        for (Message req : o.smb1(NegotiateRequest.class)) {
            NegotiateRequest q = (NegotiateRequest) ((Smb1Part) req.decoded()).message();
            boolean offeredSmb2 = q.dialects().stream().anyMatch(d -> d.startsWith("SMB 2"));
            var resp = o.responseTo(req);
            if (resp.isEmpty() || !(((Smb1Part) resp.get().decoded()).message() instanceof NegotiateResponse r)
                    || r.isNoDialect()) {
                continue;
            }
            if (offeredSmb2 || smb2Probed) {
                out.add(new Finding(name(), Severity.ERROR, "The server speaks only SMB1",
                        (offeredSmb2 ? "The client offered SMB 2 in its negotiate and the server still chose SMB1."
                                : "Every SMB2/3 dialect was refused; only NT LM 0.12 was accepted.")
                                + " Windows 10 1709 and later, Windows 11 and Samba 4.11+ clients do not speak SMB1 by"
                                + " default, so they cannot connect; SMB1 is also insecure (no pre-auth integrity).",
                        "System error 64 has occurred. The specified network name is no longer available."
                                + " (or: \"You can't connect to the file share because it's not secure. This share"
                                + " requires the obsolete SMB1 protocol\")",
                        List.of(Evidence.of(resp.get(), "the server picks an SMB1 dialect")), FIX));
                break;
            }
        }
        if (out.isEmpty()) {
            for (Message req : o.smb1(NegotiateRequest.class)) {
                var resp = o.responseTo(req);
                if (resp.isPresent() && !o.isProbe(req) && ((Smb1Part) resp.get().decoded()).message()
                        instanceof NegotiateResponse r && !r.isNoDialect()) {
                    out.add(new Finding(name(), Severity.INFO, "This connection uses SMB1",
                            "The client offered only SMB1 and the server accepted; SMB1 works but is deprecated and"
                                    + " insecure, and modern clients will not use it.", "",
                            List.of(Evidence.of(resp.get(), "the server picks an SMB1 dialect")), FIX));
                    break;
                }
            }
        }
        return out;
    }
}
