package org.smbscope.trace.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * Port 445 closed but 139 open, or neither. Evidence: the doctor's TCP attempts. Clients that
 * use only direct TCP (Windows with NetBIOS over TCP/IP disabled, most non-Windows clients by
 * default) cannot reach a server that listens on 139 only.
 */
final class TransportRule implements Rule {
    @Override
    public String name() {
        return "transport";
    }

    @Override
    public List<Finding> check(Observations o) {
        Optional<TransportAttempt> p445 = o.attempts().stream().filter(a -> a.port() == 445).findFirst();
        Optional<TransportAttempt> p139 = o.attempts().stream().filter(a -> a.port() == 139).findFirst();
        if (!o.attempts().isEmpty() && o.attempts().stream().noneMatch(TransportAttempt::connected)) {
            return List.of(none(o.attempts().get(0), o.attempts().stream().map(x -> "TCP " + x.host() + ":" + x.port()
                    + ": " + x.error()).map(t -> new Evidence(0, 0, o.attempts().get(0).time(), t)).toList()));
        }
        if (p445.isEmpty() || p445.get().connected()) {
            return List.of();
        }
        TransportAttempt a = p445.get();
        Evidence e445 = new Evidence(0, 0, a.time(), "TCP " + a.host() + ":445: " + a.error());
        if (p139.isPresent() && p139.get().connected()) {
            return List.of(new Finding(name(), Severity.WARNING, "Port 445 is closed but 139 (NetBIOS) is open",
                    "The server offers SMB only over the NetBIOS session service. Clients that use direct TCP only"
                            + " (NetBIOS over TCP/IP disabled, most non-Windows clients) cannot connect.",
                    "System error 53 has occurred. The network path was not found.",
                    List.of(e445, new Evidence(0, 0, p139.get().time(), "TCP " + a.host() + ":139 connected in "
                            + p139.get().latency().toMillis() + " ms")), new Fix(
                            "Allow TCP 445 in the firewall (Windows Defender Firewall: File and Printer Sharing"
                                    + " (SMB-In)); check that the Server service listens on 445",
                            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters SMBDeviceEnabled=1",
                            "smb ports = 445 139")));
        }
        return List.of();
    }

    private Finding none(TransportAttempt a, List<Evidence> evidence) {
        return new Finding(name(), Severity.ERROR, "No SMB port answers (" + a.host() + ")",
                "Nothing accepts connections on the SMB ports tried: the server is down, the service is stopped, or a"
                        + " firewall drops SMB.",
                "System error 53 has occurred. The network path was not found.", evidence, new Fix(
                        "Start the Server (LanmanServer) service; allow File and Printer Sharing (SMB-In) in the firewall",
                        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer Start=2",
                        "start smbd (systemctl start smbd); smb ports = 445 139; check interfaces/bind interfaces only"));
    }
}
