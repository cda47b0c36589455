package org.smbscope.server.smb1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.server.auth.AccountFlag;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.ipc.IpcTreeHandler;
import org.smbscope.server.smb2.ShareHandlers;

/** A dispatcher over a test configuration (user alice / Passw0rd!, share {@code share}), fixed clock and seed. */
final class Smb1TestPeer {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
    static final int UNICODE_NT = Smb1Flags2.UNICODE | Smb1Flags2.NT_STATUS | Smb1Flags2.LONG_NAMES;

    private Smb1TestPeer() {
    }

    static ServerConfig config(Path dir, String extra) throws IOException {
        return config(dir, extra, "");
    }

    /** With {@code shareExtra} lines in the share's section. */
    static ServerConfig config(Path dir, String extra, String shareExtra) throws IOException {
        Path passdb = dir.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, PasswordHashes.lm("Passw0rd!"),
                PasswordHashes.nt("Passw0rd!"), EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        Path share = Files.createDirectories(dir.resolve("share"));
        return SmbConfParser.parse("""
                [global]
                netbios name = OLDHOST
                workgroup = OLDWG
                server min protocol = NT1
                passdb backend = smbpasswd:%s
                %s
                [share]
                path = %s
                %s
                """.formatted(passdb, extra, share, shareExtra), dir);
    }

    static Smb1Dispatcher dispatcher(ServerConfig c) {
        return dispatcher(c, null);
    }

    static Smb1Dispatcher dispatcher(ServerConfig c,
            java.util.function.LongFunction<List<org.smbscope.codec.rap.ServerInfo1>> browseList) {
        Smb1Services s = new Smb1Services(c, ShareHandlers.unsupported(), () -> new IpcTreeHandler(c), new byte[16],
                CLOCK, new SplittableRandom(1), browseList);
        return new Smb1Dispatcher(s, "test");
    }

    static byte[] request(int flags2, int uid, int tid, List<? extends Smb1Message> messages) {
        Smb1Header h = Smb1Header.request(messages.get(0).command(), new Smb1Flags(Smb1Flags.CASE_INSENSITIVE),
                new Smb1Flags2(flags2), tid, 1234, uid, 7);
        return Smb1Packet.encode(h, messages);
    }

    static Smb1Command cmd(int v) {
        return Smb1Command.of(v);
    }
}
