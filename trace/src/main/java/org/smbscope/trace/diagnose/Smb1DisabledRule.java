package org.smbscope.trace.diagnose;

import java.util.List;
import java.util.Optional;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * SMB1 disabled. Evidence: an SMB1 NEGOTIATE offering only SMB1 dialects, answered by "no
 * dialect", an error, or nothing (the server closed the connection). If SMB2 works on the same
 * server this is INFO (good for security; only SMB1-only clients are affected); otherwise ERROR.
 */
final class Smb1DisabledRule implements Rule {
    @Override
    public String name() {
        return "smb1-disabled";
    }

    @Override
    public List<Finding> check(Observations o) {
        boolean smb2Works = o.messages().stream().anyMatch(m -> m.decoded() instanceof Smb2Packet p && p.isResponse()
                && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse);
        for (Message req : o.smb1(NegotiateRequest.class)) {
            NegotiateRequest q = (NegotiateRequest) ((Smb1Part) req.decoded()).message();
            if (q.dialects().stream().anyMatch(d -> d.startsWith("SMB 2"))) {
                continue;
            }
            Optional<Message> resp = o.responseTo(req);
            boolean refused = resp.isEmpty() || resp.get().failed()
                    || ((Smb1Part) resp.get().decoded()).message() instanceof NegotiateResponse r && r.isNoDialect();
            if (!refused) {
                continue;
            }
            Evidence ev = Evidence.of(resp.orElse(req), resp.isEmpty()
                    ? "no answer to the SMB1 NEGOTIATE: the server closed the connection"
                    : "the server answers " + resp.get().summary());
            return List.of(new Finding(name(), smb2Works ? Severity.INFO : Severity.ERROR,
                    "SMB1 is disabled on the server" + (smb2Works ? " (SMB2/3 works)" : ""),
                    "The server refuses the NT LM 0.12 dialect. Clients that speak only SMB1 (Windows XP/2003, old"
                            + " NAS and printers/scanners, smbclient -m NT1) cannot connect." + (smb2Works
                            ? " Clients with SMB2 are not affected; keeping SMB1 off is the secure choice." : ""),
                    "smbclient: protocol negotiation failed: NT_STATUS_CONNECTION_RESET (or NT_STATUS_INVALID_NETWORK_RESPONSE)",
                    List.of(ev), new Fix(
                            "Preferably move the client to SMB2/3. Only if unavoidable: Windows Features > SMB 1.0/CIFS"
                                    + " File Sharing Support > SMB 1.0/CIFS Server (Set-SmbServerConfiguration"
                                    + " -EnableSMB1Protocol $true)",
                            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters SMB1=1 (DWORD)",
                            "server min protocol = NT1 (insecure; client side: client min protocol = SMB2_02)")));
        }
        return List.of();
    }
}
