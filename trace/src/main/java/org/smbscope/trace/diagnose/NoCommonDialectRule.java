package org.smbscope.trace.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.Smb1Part;

/**
 * No common dialect. Evidence: a client's SMB2 NEGOTIATE (not a doctor's one-dialect probe)
 * answered by an error (NOT_SUPPORTED, INVALID_PARAMETER) or by nothing before the connection
 * ends; or an SMB1 NEGOTIATE that offered SMB 2 answered by "no dialect". The client's range
 * and the server's range do not overlap, typically "server min protocol = SMB3" against a client
 * capped at SMB 2.1, or a server capped at SMB 2 against a client requiring 3.x.
 */
final class NoCommonDialectRule implements Rule {
    @Override
    public String name() {
        return "no-common-dialect";
    }

    @Override
    public List<Finding> check(Observations o) {
        boolean smb1Accepted = o.smb1(org.smbscope.codec.smb1.NegotiateResponse.class).stream().anyMatch(m ->
                !((org.smbscope.codec.smb1.NegotiateResponse) ((Smb1Part) m.decoded()).message()).isNoDialect());
        if (smb1Accepted && o.smb2Responses(Smb2Command.NEGOTIATE).stream().noneMatch(m -> !m.failed())) {
            return List.of(); // the server speaks SMB1 only: the smb1-only rule's case
        }
        for (Message req : o.smb2(Smb2Command.NEGOTIATE, NegotiateRequest.class)) {
            if (o.isProbe(req)) {
                continue;
            }
            NegotiateRequest q = (NegotiateRequest) ((Smb2Packet) req.decoded()).message();
            Optional<Message> resp = o.responseTo(req);
            if (resp.isPresent() && !resp.get().failed()) {
                continue;
            }
            String offered = q.dialects().stream().map(Smb2Dialect::name).collect(Collectors.joining(", "));
            String serverRange = serverRange(o);
            return List.of(finding(resp.orElse(req), "The client offers " + offered + " and the server accepts none of"
                    + " them" + serverRange + ".", resp.isPresent() ? "the server answers " + resp.get().summary()
                    : "no NEGOTIATE response: the server closed the connection"));
        }
        for (Message req : o.smb1(org.smbscope.codec.smb1.NegotiateRequest.class)) {
            var q = (org.smbscope.codec.smb1.NegotiateRequest) ((Smb1Part) req.decoded()).message();
            if (q.dialects().stream().noneMatch(d -> d.startsWith("SMB 2"))) {
                continue; // SMB1 only: the smb1-disabled rule's case
            }
            Optional<Message> resp = o.responseTo(req);
            if (resp.isPresent() && ((Smb1Part) resp.get().decoded()).message()
                    instanceof org.smbscope.codec.smb1.NegotiateResponse r && r.isNoDialect()) {
                return List.of(finding(resp.get(), "The client offers " + String.join(", ", q.dialects())
                        + " and the server accepts none of them.", "DialectIndex 0xFFFF"));
            }
        }
        return List.of();
    }

    /** ", which accepts SMB 3.0 and SMB 3.1.1" from the doctor's probes, when they ran. */
    private static String serverRange(Observations o) {
        List<String> accepted = o.messages().stream().filter(o::isProbe)
                .filter(m -> m.decoded() instanceof Smb2Packet p && p.isResponse()
                        && p.message() instanceof org.smbscope.codec.smb2.NegotiateResponse)
                .map(m -> ((org.smbscope.codec.smb2.NegotiateResponse) ((Smb2Packet) m.decoded()).message()).dialect().name())
                .distinct().toList();
        return accepted.isEmpty() ? "" : " (the server accepts " + String.join(", ", accepted) + ")";
    }

    private Finding finding(Message m, String cause, String evidence) {
        return new Finding(name(), Severity.ERROR, "No common SMB dialect", cause,
                "smbclient: protocol negotiation failed: NT_STATUS_NOT_SUPPORTED (or NT_STATUS_CONNECTION_RESET);"
                        + " Windows: System error 64 / 1231",
                List.of(Evidence.of(m, evidence)), new Fix(
                        "Let both ranges overlap: on Windows, SMB 2/3 is always on unless disabled with"
                                + " Set-SmbServerConfiguration -EnableSMB2Protocol; a client needing SMB1 needs the"
                                + " 'SMB 1.0/CIFS Client' feature",
                        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters SMB2=1",
                        "server min protocol / server max protocol (e.g. server min protocol = SMB2_10) and on the"
                                + " client client min protocol / client max protocol = SMB3"));
    }
}
