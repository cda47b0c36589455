package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.ShareFlags;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.TreeConnectResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.explain.Message;

/**
 * Encryption required but unsupported. Evidence: the NEGOTIATE of a connection (dialect, the
 * client's ENCRYPTION capability) and its SESSION_SETUP / TREE_CONNECT responses: the server
 * marks the session or share ENCRYPT_DATA but the dialect is below 3.0 or the client cannot
 * encrypt; or, on an SMB 2.x connection, a successful logon followed by ACCESS_DENIED on the
 * tree connect (what Samba's "server smb encrypt = required" and Windows' RejectUnencryptedAccess do).
 */
final class EncryptionUnsupportedRule implements Rule {
    static final Fix FIX = new Fix(
            "Use an SMB 3.x client, or let old clients in: PowerShell Set-SmbServerConfiguration"
                    + " -RejectUnencryptedAccess $false (and Set-SmbShare -EncryptData only where all clients are SMB 3)",
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters RejectUnencryptedAccess=0 (DWORD)",
            "server smb encrypt = desired (instead of required), or per share smb encrypt = desired;"
                    + " client: client max protocol = SMB3, client smb encrypt = desired");

    @Override
    public String name() {
        return "encryption-unsupported";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        if (o.policy().requireEncryption()) {
            for (Message m : o.smb2(org.smbscope.codec.smb2.Smb2Command.NEGOTIATE, NegotiateResponse.class)) {
                NegotiateResponse r = (NegotiateResponse) ((Smb2Packet) m.decoded()).message();
                if (o.isProbe(m) || serverCanEncrypt(r)) {
                    continue;
                }
                out.add(new Finding(name(), Severity.ERROR, "The client requires encryption but the server offers none"
                        + " (" + r.dialect().name() + ")",
                        "The client is set to encrypt everything and the server cannot: it negotiated an SMB 2.x"
                                + " dialect, or SMB 3 without the encryption capability / cipher (Samba: server smb"
                                + " encrypt = off).",
                        "System error 5 has occurred. Access is denied.",
                        List.of(Evidence.of(m, "NEGOTIATE response: " + r.dialect().name() + ", capabilities "
                                + r.capabilities())), new Fix(
                                "Let the server encrypt: Set-SmbServerConfiguration -EncryptData $true (or per share"
                                        + " Set-SmbShare -EncryptData $true); or stop requiring it on the client",
                                "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters EncryptData=1",
                                "server smb encrypt = desired (or required), server max protocol = SMB3;"
                                        + " client: client smb encrypt = desired")));
            }
        }
        for (Message m : o.messages()) {
            if (!(m.decoded() instanceof Smb2Packet p) || !p.isResponse()) {
                continue;
            }
            boolean wants = p.message() instanceof SessionSetupResponse s && s.sessionFlags().has(SessionFlags.ENCRYPT_DATA)
                    || p.message() instanceof TreeConnectResponse t && t.shareFlags().has(ShareFlags.ENCRYPT_DATA);
            if (!wants && !p.header().status().equals(NtStatus.ACCESS_DENIED)) {
                continue; // the common case, decided without looking back
            }
            Optional<Smb2Dialect> dialect = dialect(o, m);
            boolean old = dialect.map(d -> d.value() < Smb2Dialect.SMB_3_0.value()).orElse(false);
            boolean clientCannot = old || !clientCanEncrypt(o, m);
            if (wants && clientCannot) {
                out.add(finding(m, "The server requires encryption but this connection cannot encrypt (dialect "
                        + dialect.map(Smb2Dialect::name).orElse("unknown") + ")"));
            } else if (old && !o.isProbe(m) && p.header().status().equals(NtStatus.ACCESS_DENIED)
                    && (p.header().command().value() == 3 && loggedOn(o, m) || p.header().command().value() == 1)) {
                out.add(finding(m, (p.header().command().value() == 1 ? "Logon" : "Tree connect")
                        + " denied on an " + dialect.get().name() + " connection: the server most likely requires"
                        + " encryption, which needs SMB 3"));
            }
        }
        return out;
    }

    private Finding finding(Message m, String title) {
        return new Finding(name(), Severity.ERROR, title,
                "SMB encryption exists only from SMB 3.0 on. A server (or share) that requires it refuses clients"
                        + " that negotiated SMB 2.x or do not support encryption, usually with ACCESS_DENIED.",
                "System error 5 has occurred. Access is denied. (NT_STATUS_ACCESS_DENIED)",
                List.of(Evidence.of(m, m.summary())), FIX);
    }

    /** SMB 3.0/3.0.2 with the ENCRYPTION capability, or 3.1.1 with a cipher chosen. */
    static boolean serverCanEncrypt(NegotiateResponse r) {
        if (r.dialect().value() >= Smb2Dialect.SMB_3_1_1.value()) {
            return r.contexts().stream().anyMatch(c -> c instanceof org.smbscope.codec.smb2.NegotiateContext.Encryption e
                    && !e.ciphers().isEmpty() && e.ciphers().get(0).value() != 0);
        }
        return r.dialect().value() >= Smb2Dialect.SMB_3_0.value() && r.capabilities().has(Capabilities.ENCRYPTION);
    }

    private static Optional<Smb2Dialect> dialect(Observations o, Message m) {
        return o.before(m).stream().filter(x -> x.decoded() instanceof Smb2Packet p && p.message() instanceof NegotiateResponse)
                .map(x -> ((NegotiateResponse) ((Smb2Packet) x.decoded()).message()).dialect()).reduce((a, b) -> b);
    }

    private static boolean clientCanEncrypt(Observations o, Message m) {
        return o.before(m).stream().filter(x -> x.decoded() instanceof Smb2Packet p && p.message() instanceof NegotiateRequest)
                .map(x -> ((NegotiateRequest) ((Smb2Packet) x.decoded()).message()))
                .anyMatch(q -> q.capabilities().has(Capabilities.ENCRYPTION) || q.dialects().contains(Smb2Dialect.SMB_3_1_1));
    }

    private static boolean loggedOn(Observations o, Message m) {
        return o.before(m).stream().anyMatch(x -> x.decoded() instanceof Smb2Packet p
                && p.message() instanceof SessionSetupResponse && p.header().status().isSuccess());
    }
}
