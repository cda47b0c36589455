package org.smbscope.trace.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smbscope.trace.diagnose.Diagnosis;
import org.smbscope.trace.diagnose.Finding;
import org.smbscope.trace.diagnose.Observations;

class ExplainerCaptureTest {
    static String narrative(String capture) throws Exception {
        return Explainer.explain(Captures.messages(capture)).render();
    }

    @Test
    void dump() throws Exception {
        for (String c : new String[] {"a_smb1_nt1.pcapng", "b_smb3_default.pcapng", "d_wrong_password.pcapng", "j_ntlmv1_lm.pcapng", "h_port139_nbss.pcapng", "g_nmblookup.pcapng", "f_anonymous_guest.pcapng", "i_smb311_encrypt.pcapng", "k_impacket_server.pcapng", "l_impacket_client.pcapng"}) {
            System.out.println("===== " + c);
            for (Finding f : Diagnosis.run(Observations.of(Captures.messages(c)))) {
                System.out.print(f.render());
            }
        }
        System.out.println(narrative("j_ntlmv1_lm.pcapng"));
        System.out.println(narrative("g_nmblookup.pcapng"));
    }
}
