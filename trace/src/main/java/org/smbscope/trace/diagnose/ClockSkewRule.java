package org.smbscope.trace.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Sentences;
import org.smbscope.trace.explain.Smb1Part;

/**
 * Clock skew. Evidence: the server time in NEGOTIATE responses (SMB2 SystemTime, SMB1 SystemTime)
 * against the time the response was seen. Beyond 5 minutes Kerberos fails (KRB_AP_ERR_SKEW) and
 * clients fall back to NTLM or fail.
 */
final class ClockSkewRule implements Rule {
    @Override
    public String name() {
        return "clock-skew";
    }

    @Override
    public List<Finding> check(Observations o) {
        for (Message m : o.messages()) {
            Instant server = null;
            if (m.decoded() instanceof Smb2Packet p && p.message() instanceof NegotiateResponse r && !r.systemTime().isZero()) {
                server = r.systemTime().toInstant();
            } else if (m.decoded() instanceof Smb1Part p && p.message() instanceof org.smbscope.codec.smb1.NegotiateResponse r
                    && r.systemTime() != 0) {
                server = new FileTime(r.systemTime()).toInstant();
            }
            if (server == null) {
                continue;
            }
            Duration d = Duration.between(m.exchange().time(), server).abs();
            if (d.compareTo(Sentences.KERBEROS_SKEW) > 0) {
                return List.of(new Finding(name(), Severity.WARNING, "The server's clock is off by more than 5 minutes",
                        "Kerberos tickets are valid only within 5 minutes of clock difference; beyond that the server"
                                + " refuses them (KRB_AP_ERR_SKEW) and clients fall back to NTLM or fail; file times"
                                + " also look wrong.",
                        "System error 1398 has occurred. There is a time and/or date difference between the client and server.",
                        List.of(Evidence.of(m, Sentences.skew(server, m.exchange().time()))), new Fix(
                                "Synchronise both clocks with the domain hierarchy (w32tm /resync; the PDC emulator"
                                        + " syncs from an external NTP source); Computer Configuration > Windows"
                                        + " Settings > Security Settings > Account Policies > Kerberos Policy >"
                                        + " \"Maximum tolerance for computer clock synchronization\"",
                                "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters NtpServer, Type=NT5DS",
                                "run chronyd/ntpd on the Samba host (ntp signd socket directory for an AD DC)")));
            }
        }
        return List.of();
    }
}
