package org.smbscope.server.smb2;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.spnego.NtlmMechanism;
import org.smbscope.codec.spnego.SpnegoClient;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.auth.AccountFlag;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.ipc.IpcTreeHandler;

/**
 * A {@link Dispatcher} driven directly with frames (no socket): SMB 2.1 negotiate, an NTLM logon of alice,
 * tree connects, and raw requests. The responses land in a queue; a drop is recorded.
 */
final class DispatcherHarness {
    final LinkedBlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    volatile String dropped;
    final Dispatcher dispatcher;
    long nextMid;
    long sessionId;
    Smb2Signer signer;

    DispatcherHarness(ServerConfig config, TreeHandlerFactory disks) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
        Random random = new Random(5);
        NegotiateHandler n = new NegotiateHandler(config, ServerLimits.DEFAULTS, Guid.ZERO, clock.instant(), clock, random);
        ServerContext ctx = new ServerContext(config, ServerLimits.DEFAULTS, n, Guid.ZERO, disks,
                () -> new IpcTreeHandler(config), clock, random);
        dispatcher = new Dispatcher(ctx, new Dispatcher.Sink() {
            @Override
            public void send(byte[] message) {
                out.add(message);
            }

            @Override
            public void drop(String why) {
                dropped = why;
            }
        }, "harness", null, null);
    }

    /** A config with share "share" (at {@code dir}) and alice / Passw0rd! in {@code dir}/smbpasswd. */
    static ServerConfig config(Path dir, String globals) throws Exception {
        Path passdb = dir.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, null, PasswordHashes.nt("Passw0rd!"),
                EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        return SmbConfParser.parse("""
                [global]
                interfaces = 127.0.0.1
                passdb backend = smbpasswd:%s
                %s
                [share]
                path = %s
                read only = no
                """.formatted(passdb, globals, dir), dir);
    }

    void frame(byte[] frame) {
        dispatcher.onFrame(frame);
    }

    /** The next response frame, or null after a second. */
    byte[] next() throws InterruptedException {
        return out.poll(1, TimeUnit.SECONDS);
    }

    Smb2Header header(Smb2Command c) {
        Smb2Header h = Smb2Header.request(c, nextMid++).withSessionId(sessionId).withCredits(8);
        return h;
    }

    Smb2Packet call(Smb2Header h, Smb2Request body) throws Exception {
        byte[] m = Smb2Codec.encode(h, body);
        if (signer != null && h.flags().isSigned()) {
            signer.sign(m, 0, m.length);
        }
        frame(m);
        while (true) {
            byte[] r = next();
            if (r == null) {
                return null;
            }
            Smb2Packet p = Smb2Codec.decode(r);
            if (p.header().messageId() == h.messageId() || h.command().equals(Smb2Command.CANCEL)) {
                return p;
            }
            stray.add(p);
        }
    }

    /** Responses to other requests that arrived while {@link #call} waited for its own. */
    final List<Smb2Packet> stray = new java.util.concurrent.CopyOnWriteArrayList<>();

    Smb2Packet call(Smb2Command c, Smb2Request body) throws Exception {
        return call(header(c), body);
    }

    NegotiateResponse negotiate(int dialect) throws Exception {
        NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                List.of(new Smb2Dialect(dialect)), List.of());
        return (NegotiateResponse) call(Smb2Command.NEGOTIATE, req).message();
    }

    /** NTLM logon; the final status. */
    NtStatus login(String user, String password) throws Exception {
        return login(user, password, 0);
    }

    /** NTLM logon as a new session (sessionId 0 first) naming {@code previous} as PreviousSessionId. */
    NtStatus loginReplacing(String user, String password, long previous) throws Exception {
        sessionId = 0;
        return login(user, password, previous);
    }

    /** NTLM logon; the final status. */
    NtStatus login(String user, String password, long previous) throws Exception {
        NtlmCredentials nc = NtlmCredentials.password("", user, password);
        NtlmClientContext ntlm = new NtlmClientContext(NtlmClientConfig.defaults(nc, "server"), Clock.systemUTC(),
                new Random(3));
        SpnegoClient spnego = new SpnegoClient(List.of(new NtlmMechanism(ntlm)));
        byte[] token = spnego.initialToken(null);
        List<NtStatus> statuses = new ArrayList<>();
        while (true) {
            Smb2Packet p = call(Smb2Command.SESSION_SETUP,
                    new SessionSetupRequest(0, SecurityMode.SIGNING_ENABLED, Capabilities.NONE, 0, previous, token));
            sessionId = p.header().sessionId();
            statuses.add(p.header().status());
            if (p.header().status().equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
                token = spnego.nextToken(((SessionSetupResponse) p.message()).securityBuffer());
                continue;
            }
            if (p.header().status().equals(NtStatus.SUCCESS)) {
                Smb3Keys keys = Smb3Keys.derive(0x0210, null, spnego.sessionKey(), null);
                signer = Smb2Signer.of(keys, null);
            }
            return p.header().status();
        }
    }

    int treeConnect(String share) throws Exception {
        Smb2Packet p = call(Smb2Command.TREE_CONNECT, new TreeConnectRequest(0, "\\\\server\\" + share));
        if (!p.header().status().equals(NtStatus.SUCCESS)) {
            throw new AssertionError("tree connect: " + p.header().status());
        }
        return p.header().treeId();
    }
}
