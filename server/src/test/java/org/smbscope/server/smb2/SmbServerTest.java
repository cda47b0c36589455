package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.HashAlgorithm;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.config.SmbConfParser;

class SmbServerTest {
    @Test
    void negotiatesOverTcpAndSurvivesGarbageOnAnotherConnection() throws Exception {
        var config = SmbConfParser.parse("[global]\ninterfaces = 127.0.0.1\nsmb ports = 0\n", Path.of("."));
        // port 0 is refused by the parser's validation, so bind explicitly below
        assertThat(config.smbPorts()).containsExactly(445);
        config = new org.smbscope.server.config.ServerConfig(config.netbiosName(), config.workgroup(), config.interfaces(),
                true, List.of(0), config.minProtocol(), config.maxProtocol(), config.signing(), config.encrypt(),
                config.ntlmAuth(), config.lanmanAuth(), config.mapToGuest(), config.guestAccount(), 0, null, List.of(), List.of());
        try (SmbServer server = SmbServer.start(config, ServerLimits.DEFAULTS, Clock.systemUTC(), new Random(7))) {
            int port = server.addresses().get(0).getPort();
            try (Socket bad = new Socket("127.0.0.1", port)) {
                bad.getOutputStream().write(new byte[] {0, 0, 0, 4, 1, 2, 3, 4});
                assertThat(bad.getInputStream().read()).isEqualTo(-1);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                        List.of(Smb2Dialect.SMB_2_1, Smb2Dialect.SMB_3_1_1),
                        List.of(new NegotiateContext.PreauthIntegrity(List.of(HashAlgorithm.SHA_512), new byte[32])));
                DirectTcpFraming.write(s.getOutputStream(), Smb2Codec.encode(Smb2Header.request(Smb2Command.NEGOTIATE, 0), req));
                InputStream in = s.getInputStream();
                Smb2Packet p = Smb2Codec.decode(new DirectTcpFraming(1 << 20).read(in));
                assertThat(p.header().status()).isEqualTo(NtStatus.SUCCESS);
                assertThat(((NegotiateResponse) p.message()).dialect()).isEqualTo(Smb2Dialect.SMB_3_1_1);
                DirectTcpFraming.write(s.getOutputStream(), Smb2Codec.encode(Smb2Header.request(Smb2Command.ECHO, 1),
                        new org.smbscope.codec.smb2.EchoRequest()));
                Smb2Packet echo = Smb2Codec.decode(new DirectTcpFraming(1 << 20).read(in));
                assertThat(echo.header().status()).isEqualTo(NtStatus.SUCCESS);
            }
        }
    }
}
