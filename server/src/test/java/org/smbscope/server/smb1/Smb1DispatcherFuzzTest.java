package org.smbscope.server.smb1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;

import java.util.List;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.server.config.ServerConfig;

/** Arbitrary frames after a NEGOTIATE: answered or a Drop, never another exception. */
class Smb1DispatcherFuzzTest {
    private static ServerConfig config;

    private static synchronized ServerConfig config() throws Exception {
        if (config == null) {
            config = Smb1TestPeer.config(Files.createTempDirectory("smb1fuzz"), "");
        }
        return config;
    }

    @FuzzTest
    void frames(byte[] input) throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(config());
        try {
            d.onFrame(Smb1TestPeer.request(Smb1TestPeer.UNICODE_NT, 0, 0,
                    List.of(new NegotiateRequest(List.of("NT LM 0.12")))));
            d.onFrame(input);
        } catch (Smb1Dispatcher.Drop expected) {
            // malformed or out of order: the connection ends
        } finally {
            d.close();
        }
    }

}
