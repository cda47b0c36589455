package org.smbscope.trace.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smbscope.codec.ntlm.AvId;
import org.smbscope.codec.ntlm.ChallengeMessage;
import org.smbscope.codec.ntlm.TargetInfo;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.explain.AuthBlob;
import org.smbscope.trace.explain.Message;

/**
 * SPN target name validation refusal. Evidence: the server's NTLM CHALLENGE (its NetBIOS and DNS
 * names), the client's NTLMSSP_AUTH naming the service it wants (MsvAvTargetName "cifs/alias"),
 * and an ACCESS_DENIED answer. A Windows server with "Server SPN target name validation level"
 * set to accept-if-provided or required refuses a name it does not know as its own (an alias, a
 * CNAME, a load balancer name).
 */
final class SpnValidationRule implements Rule {
    @Override
    public String name() {
        return "spn-validation";
    }

    @Override
    public List<Finding> check(Observations o) {
        List<Finding> out = new ArrayList<>();
        TargetInfo server = null;
        for (Message m : o.messages()) {
            Optional<AuthBlob> blob = KerberosByIpRule.blob(m);
            Optional<ChallengeMessage> ch = blob.flatMap(AuthBlob::challenge);
            if (ch.isPresent() && ch.get().targetInfo() != null) {
                server = ch.get().targetInfo();
                continue;
            }
            Optional<String> spn = blob.flatMap(AuthBlob::authenticate).flatMap(AuthBlob::targetName);
            if (server == null || spn.isEmpty() || !spn.get().contains("/")) {
                continue;
            }
            String host = spn.get().substring(spn.get().indexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (ClientPolicy.isAddress(host) || known(server, host)) {
                continue;
            }
            Optional<Message> resp = o.responseTo(m);
            if (resp.flatMap(Message::status).filter(s -> s.equals(NtStatus.ACCESS_DENIED)).isEmpty()) {
                continue;
            }
            out.add(new Finding(name(), Severity.ERROR, "The server refused the name " + host
                    + " the client used for it (SPN target name validation)",
                    "The client asked for " + spn.get() + ", but the server's own names are "
                            + server.text(AvId.MSV_AV_NB_COMPUTER_NAME).orElse("?") + " / "
                            + server.text(AvId.MSV_AV_DNS_COMPUTER_NAME).orElse("?") + ". With \"Server SPN target"
                            + " name validation level\" at 1 or 2 the server refuses names it does not know, such as"
                            + " DNS aliases (CNAMEs). An IP address sends no SPN, which is why it may work by address.",
                    "System error 5 has occurred. Access is denied.",
                    List.of(Evidence.of(m, "the client names " + spn.get()),
                            Evidence.of(resp.get(), "the server answers " + resp.get().summary())), new Fix(
                            Fix.SECURITY_OPTIONS + "\"Microsoft network server: Server SPN target name validation"
                                    + " level\" = Off, or register the alias as one of the server's names"
                                    + " (netdom computername SERVER /add:alias.example.com)",
                            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters SmbServerNameHardeningLevel=0,"
                                    + " or SrvAllowedServerNames (REG_MULTI_SZ) listing the alias",
                            "netbios aliases = ALIAS (Samba does not validate SPNs; the alias must resolve to the server)")));
        }
        return out;
    }

    private static boolean known(TargetInfo server, String host) {
        String first = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        for (AvId id : List.of(AvId.MSV_AV_NB_COMPUTER_NAME, AvId.MSV_AV_DNS_COMPUTER_NAME)) {
            Optional<String> n = server.text(id).map(x -> x.toLowerCase(Locale.ROOT));
            if (n.isPresent() && (n.get().equals(host) || n.get().equals(first)
                    || n.get().startsWith(first + "."))) {
                return true;
            }
        }
        return false;
    }
}
