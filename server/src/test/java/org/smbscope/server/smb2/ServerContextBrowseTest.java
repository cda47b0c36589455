package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.rap.ServerInfo1;
import org.smbscope.server.browse.BrowseList;
import org.smbscope.server.browse.BrowseListFixture;
import org.smbscope.server.browse.BrowseServer;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/** The browse list a server is started with reaches SMB1's NetServerEnum2 (through Smb1Services). */
class ServerContextBrowseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void smb1ServicesAskTheSuppliedBrowseListEachTime() throws Exception {
        ServerConfig c = SmbConfParser.parse("[global]\nnetbios name = HOST\n", java.nio.file.Path.of("."));
        AtomicReference<BrowseList> ref = new AtomicReference<>();
        ServerContext ctx = new ServerContext(c, ServerLimits.DEFAULTS, null, Guid.ZERO, ShareHandlers.unsupported(),
                () -> null, CLOCK, new SplittableRandom(1)).withBrowse(ref::get);
        assertThat(ctx.smb1().browseList().apply(0xFFFFFFFFL)).isNull();
        ref.set(BrowseListFixture.of(CLOCK, new BrowseServer("PEER", 0x1003, 6, 1, "a peer")));
        assertThat(ctx.smb1().browseList().apply(0xFFFFFFFFL)).extracting(ServerInfo1::name).containsExactly("PEER");
        assertThat(ctx.smb1().browseList().apply(0x80000000L)).isEmpty();
    }

    @Test
    void withoutASupplierThereIsNoList() throws Exception {
        ServerConfig c = SmbConfParser.parse("[global]\nnetbios name = HOST\n", java.nio.file.Path.of("."));
        ServerContext ctx = new ServerContext(c, ServerLimits.DEFAULTS, null, Guid.ZERO, ShareHandlers.unsupported(),
                () -> null, CLOCK, new SplittableRandom(1));
        assertThat(ctx.smb1().browseList().apply(0xFFFFFFFFL)).isNull();
    }
}
