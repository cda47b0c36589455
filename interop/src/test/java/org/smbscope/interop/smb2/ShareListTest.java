package org.smbscope.interop.smb2;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/** {@code smbscope smbclient -L} against Samba: the same shares as Samba's own smbclient. */
class ShareListTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.share("extra", "comment = a third share", "read only = yes"));

    private static List<String> rows(String output) {
        Matcher m = Pattern.compile("(?m)^\\t(\\S+)\\s+(Disk|IPC|Printer|Device)\\s*(.*)$").matcher(output);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3).strip());
        }
        return out;
    }

    @Test
    void listsTheSameSharesAsSambasSmbclient() throws InterruptedException {
        Samba s = SAMBA.samba();
        Smbscope.Result ours = Smbscope.run("smbclient", "-L", "//" + s.address().getHostAddress(), "-U", "alice%Passw0rd!");
        // right after start samba-dcerpcd may not serve srvsvc yet and Samba's smbclient then lists nothing
        ProcessResult theirs = null;
        for (int i = 0; i < 10; i++) {
            theirs = ProcessRunner.run(Duration.ofSeconds(30), List.of(Peers.require("smbclient").toString(),
                    "-s", s.configFile().toString(), "-L", "//" + s.address().getHostAddress(), "-U", "alice%Passw0rd!"));
            if (!rows(theirs.stdout()).isEmpty()) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(theirs.exitCode()).as(theirs.output()).isZero();
        assertThat(ours.exitCode()).as(ours.output()).isZero();
        assertThat(rows(ours.stdout())).as(ours.output()).isNotEmpty().containsExactlyInAnyOrderElementsOf(rows(theirs.stdout()));
        assertThat(ours.stdout()).contains("\tSharename       Type      Comment", "\t---------       ----      -------");
    }

    @Test
    void jsonListing() {
        Samba s = SAMBA.samba();
        Smbscope.Result ours = Smbscope.run("smbclient", "-L", "//" + s.address().getHostAddress(), "-U", "alice%Passw0rd!", "--json");
        assertThat(ours.exitCode()).as(ours.output()).isZero();
        assertThat(ours.stdout()).contains("\"name\" : \"extra\"", "\"type\" : \"IPC\"");
    }
}
