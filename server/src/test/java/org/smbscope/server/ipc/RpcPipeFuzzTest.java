package org.smbscope.server.ipc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/** Arbitrary bytes written to a srvsvc and a wkssvc pipe: answered, faulted or refused, never an exception. */
class RpcPipeFuzzTest {
    private static final ServerConfig CONFIG = config();

    private static ServerConfig config() {
        try {
            return SmbConfParser.parse("[global]\nnetbios name = BOX\n[s]\npath = /tmp\ncomment = c\n", Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void write(byte[] input) {
        for (RpcInterface iface : new RpcInterface[] {new Srvsvc(CONFIG), new Wkssvc(CONFIG)}) {
            RpcPipe p = new RpcPipe("x", iface, 1);
            if (p.write(input)) {
                boolean[] overflow = new boolean[1];
                while (p.read(100, overflow) != null) {
                    // drain
                }
            }
        }
    }
}
