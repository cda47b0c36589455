package org.smbscope.trace.decrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;
import org.smbscope.trace.explain.Captures;
import org.smbscope.trace.explain.Explainer;
import org.smbscope.trace.explain.MessageDecoder;

/**
 * Samba's client and server with "server smb encrypt = required" (capture i, SMB 3.1.1, AES-128-GCM):
 * with alice's password every sealed message opens, and the narrative shows the tree connect and
 * the read that tshark showed only with the keys dumped by the server.
 */
class Smb3DecryptorTest {
    @Test
    void passwordOpensTheSession() throws Exception {
        List<Exchange> xs = Captures.exchanges("i_smb311_encrypt.pcapng");
        long sealed = xs.stream().filter(e -> e.layer() == Layer.SMB2_TRANSFORM).count();
        assertThat(sealed).isEqualTo(32);
        Smb3Decryptor.Result r = Smb3Decryptor.decrypt(xs, "Passw0rd!");
        assertThat(r.opened()).isEqualTo(32);
        assertThat(r.exchanges()).noneMatch(e -> e.layer() == Layer.SMB2_TRANSFORM);
        assertThat(r.notes()).anyMatch(n -> n.contains("WORKGROUP\\alice") && n.contains("keys derived"));
        String n = Explainer.explain(MessageDecoder.decodeAll(r.exchanges())).render();
        assertThat(n).contains("The client asks for the share \\\\127.0.0.10\\share.", "SMB2 READ request",
                "SMB2 QUERY_DIRECTORY response");
    }

    @Test
    void wrongPasswordOpensNothing() throws Exception {
        Smb3Decryptor.Result r = Smb3Decryptor.decrypt(Captures.exchanges("i_smb311_encrypt.pcapng"), "wrong");
        assertThat(r.opened()).isZero();
        assertThat(r.exchanges()).anyMatch(e -> e.layer() == Layer.SMB2_TRANSFORM);
    }
}
