package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.ntlm.NtlmCrypto;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.CloseRequest;
import org.smbscope.codec.smb1.EchoMessage;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.NtCreateAndXResponse;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb1.Smb1Signer;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.ipc.IpcTreeHandler;
import org.smbscope.server.smb2.ShareHandlers;

/**
 * Requests of one SMB1 connection over a loopback socket, signed: a blocking lock, an open waiting for a sharing
 * violation to clear or for an oplock break, go pending while later requests are answered; NT_CANCEL, the timeout,
 * a close and the connection's end finish them; every response is signed with the sequence number its request
 * reserved, whatever order the responses leave in.
 */
class Smb1PendingTest {
    private static final int FOREVER = -1;
    private static final long LOCK_NOT_GRANTED = NtStatus.LOCK_NOT_GRANTED.value() & 0xFFFFFFFFL;
    private static final long FILE_LOCK_CONFLICT = NtStatus.FILE_LOCK_CONFLICT.value() & 0xFFFFFFFFL;

    @TempDir
    Path dir;
    private ServerSocket listener;
    private final List<Client> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ServerConfig c = Smb1TestPeer.config(dir, "ntlm auth = yes\nserver signing = mandatory", "read only = no");
        Smb1Services services = new Smb1Services(c, ShareHandlers.disk(Smb1TestPeer.CLOCK), () -> new IpcTreeHandler(c),
                new byte[16], Smb1TestPeer.CLOCK, new SplittableRandom(1), null);
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            InputStream in = s.getInputStream();
                            new Smb1Connection(services, "test").serve(Smb1Connection.read(in), in, s.getOutputStream());
                        } catch (IOException e) {
                            // the client went
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        for (Client c : clients) {
            c.close();
        }
        listener.close();
    }

    /** A signing SMB1 client speaking raw frames, with the share connected. */
    private final class Client implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] mac;
        long sequence;
        final int uid;
        final int tid;
        /** The sequence number each MID's response must be signed with. */
        final Map<Integer, Long> expected = new HashMap<>();

        Client() throws Exception {
            socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            int f2 = Smb1TestPeer.UNICODE_NT | Smb1Flags2.SMB_SECURITY_SIGNATURE;
            Smb1Connection.write(out, Smb1Packet.encode(Smb1Header.request(Smb1Command.NEGOTIATE,
                    new Smb1Flags(Smb1Flags.CASE_INSENSITIVE), new Smb1Flags2(f2), 0, 1, 0, 1),
                    new NegotiateRequest(List.of("NT LM 0.12"))));
            NegotiateResponse n = (NegotiateResponse) Smb1Messages.decode(Smb1Connection.read(in)).get(0);
            byte[] v1 = NtlmCrypto.ntlmv1Response(PasswordHashes.nt("Passw0rd!"), n.challenge());
            SessionSetupAndXRequest setup = SessionSetupAndXRequest.ntlm012(65535, 50, 0, 0,
                    new Capabilities(Capabilities.UNICODE | Capabilities.NT_SMBS | Capabilities.STATUS32), v1, v1,
                    "alice", "OLDWG", "Unix", "test");
            Smb1Connection.write(out, Smb1Packet.encode(Smb1Header.request(Smb1Command.SESSION_SETUP_ANDX,
                    new Smb1Flags(Smb1Flags.CASE_INSENSITIVE), new Smb1Flags2(f2), 0, 1, 0, 2),
                    List.of(setup, new TreeConnectAndXRequest(0, new byte[1], "\\\\OLDHOST\\share", "?????"))));
            byte[] ok = Smb1Connection.read(in);
            mac = Smb1Signer.macKey(NtlmCrypto.sessionBaseKeyV1(PasswordHashes.nt("Passw0rd!")), v1);
            assertThat(Smb1Signer.verify(mac, ok, 1)).isTrue();
            Smb1Header h = Smb1Packet.decode(ok).header();
            assertThat(h.status()).isZero();
            uid = h.uid();
            tid = h.tid();
            sequence = 2;
            clients.add(this);
        }

        void send(int mid, int pid, Smb1Message m) throws IOException {
            Smb1Header h = Smb1Header.request(m.command(), new Smb1Flags(Smb1Flags.CASE_INSENSITIVE),
                    new Smb1Flags2(Smb1TestPeer.UNICODE_NT | Smb1Flags2.SMB_SECURITY_SIGNATURE), tid, pid, uid, mid);
            byte[] frame = Smb1Signer.sign(mac, Smb1Packet.encode(h, m), sequence);
            boolean cancel = m.command().equals(Smb1Command.NT_CANCEL);
            if (!cancel) {
                expected.put(mid, sequence + 1);
            }
            sequence += cancel ? 1 : 2;
            Smb1Connection.write(out, frame);
        }

        /** The next frame: a response must carry the signature its request's sequence number gives. */
        Smb1Packet receive() throws Exception {
            byte[] f = Smb1Connection.read(in);
            Smb1Packet p = Smb1Packet.decode(f);
            if (p.header().isReply()) {
                Long seq = expected.remove(p.header().mid());
                assertThat(seq).as("response to MID %d", p.header().mid()).isNotNull();
                assertThat(Smb1Signer.verify(mac, f, seq)).as("signature of MID %d", p.header().mid()).isTrue();
            }
            return p;
        }

        int open(int mid, String name, int flags, int share) throws Exception {
            send(mid, 1, ntCreate(name, flags, share));
            Smb1Packet p = receive();
            assertThat(p.header().mid()).isEqualTo(mid);
            assertThat(p.header().status()).isZero();
            return ((NtCreateAndXResponse) Smb1Messages.decode(p.header(), p.blocks().get(0))).fid();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static org.smbscope.codec.smb1.NtCreateAndXRequest ntCreate(String name, int flags, int share) {
        return new org.smbscope.codec.smb1.NtCreateAndXRequest(flags, 0, 0x0012019FL, 0, 0x80, share, 3, 0x40, 2, 0,
                name);
    }

    /** LOCKING_ANDX with one range owned by {@code pid}. */
    private static Smb1RawMessage lock(int fid, int pid, long offset, long length, long timeout, boolean unlock) {
        byte[] words = new WireWriter().u32le(0xFF).u16le(fid).u8(0).u8(0).u32le(timeout).u16le(unlock ? 1 : 0)
                .u16le(unlock ? 0 : 1).toByteArray();
        byte[] range = new WireWriter().u16le(pid).u32le(offset).u32le(length).toByteArray();
        return new Smb1RawMessage(Smb1Command.LOCKING_ANDX, false, words, range);
    }

    private static EchoMessage echo() {
        return new EchoMessage(false, 1, new byte[] {7});
    }

    @Test
    void aBlockingLockLetsLaterRequestsThroughAndAnUnlockGrantsIt() throws Exception {
        Client c = new Client();
        int fid = c.open(10, "f.dat", 0, 7);
        c.send(11, 1, lock(fid, 1, 0, 4, 0, false));
        assertThat(c.receive().header().status()).isZero();
        c.send(12, 1, lock(fid, 2, 0, 4, 0xFFFFFFFFL, false));
        c.send(13, 1, echo());
        Smb1Packet echoed = c.receive();
        assertThat(echoed.header().mid()).isEqualTo(13);
        c.send(14, 1, lock(fid, 1, 0, 4, 0, true));
        Map<Integer, Long> statuses = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Smb1Packet p = c.receive();
            statuses.put(p.header().mid(), p.header().status());
        }
        assertThat(statuses).containsEntry(12, 0L).containsEntry(14, 0L);
    }

    @Test
    void ntCancelEndsAWaitingLockWithFileLockConflict() throws Exception {
        Client c = new Client();
        int fid = c.open(10, "f.dat", 0, 7);
        c.send(11, 1, lock(fid, 1, 0, 4, 0, false));
        assertThat(c.receive().header().status()).isZero();
        c.send(12, 1, lock(fid, 2, 0, 4, 0xFFFFFFFFL, false));
        c.send(12, 1, new Smb1RawMessage(Smb1Command.NT_CANCEL, false, new byte[0], new byte[0]));
        Smb1Packet p = c.receive();
        assertThat(p.header().mid()).isEqualTo(12);
        assertThat(p.header().status()).isEqualTo(FILE_LOCK_CONFLICT);
        // a cancel for nothing pending is harmless
        c.send(12, 1, new Smb1RawMessage(Smb1Command.NT_CANCEL, false, new byte[0], new byte[0]));
        c.send(13, 1, echo());
        assertThat(c.receive().header().mid()).isEqualTo(13);
    }

    @Test
    void aLockTimesOutWithFileLockConflictAndANoWaitLockIsNotGranted() throws Exception {
        Client c = new Client();
        int fid = c.open(10, "f.dat", 0, 7);
        c.send(11, 1, lock(fid, 1, 0, 4, 0, false));
        assertThat(c.receive().header().status()).isZero();
        c.send(12, 1, lock(fid, 2, 2, 4, 0, false));
        assertThat(c.receive().header().status()).isEqualTo(LOCK_NOT_GRANTED);
        long t0 = System.nanoTime();
        c.send(13, 1, lock(fid, 2, 0, 4, 300, false));
        c.send(14, 1, echo());
        assertThat(c.receive().header().mid()).isEqualTo(14);
        Smb1Packet p = c.receive();
        assertThat(p.header().mid()).isEqualTo(13);
        assertThat(p.header().status()).isEqualTo(FILE_LOCK_CONFLICT);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(250);
    }

    @Test
    void closingTheFileEndsAWaitingLockWithRangeNotLocked() throws Exception {
        Client c = new Client();
        int fid = c.open(10, "f.dat", 0, 7);
        c.send(11, 1, lock(fid, 1, 0, 4, 0, false));
        assertThat(c.receive().header().status()).isZero();
        c.send(12, 1, lock(fid, 2, 0, 4, FOREVER & 0xFFFFFFFFL, false));
        c.send(13, 1, new CloseRequest(fid, 0));
        Map<Integer, Long> statuses = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Smb1Packet p = c.receive();
            statuses.put(p.header().mid(), p.header().status());
        }
        assertThat(statuses).containsEntry(13, 0L)
                .containsEntry(12, NtStatus.RANGE_NOT_LOCKED.value() & 0xFFFFFFFFL);
    }

    @Test
    void aLockWaitingBehindAnotherConnectionsLockIsGrantedWhenThatConnectionEnds() throws Exception {
        Client a = new Client();
        Client b = new Client();
        int fa = a.open(10, "f.dat", 0, 7);
        int fb = b.open(10, "f.dat", 0, 7);
        a.send(11, 1, lock(fa, 1, 0, 4, 0, false));
        assertThat(a.receive().header().status()).isZero();
        a.send(12, 1, lock(fa, 2, 0, 4, 0xFFFFFFFFL, false)); // pending on a
        b.send(11, 1, lock(fb, 1, 0, 4, 0xFFFFFFFFL, false)); // pending on b, behind a's lock
        b.send(12, 1, echo());
        assertThat(b.receive().header().mid()).isEqualTo(12);
        a.close(); // a's pending lock is cancelled and its lock released
        Smb1Packet p = b.receive();
        assertThat(p.header().mid()).isEqualTo(11);
        assertThat(p.header().status()).isZero();
    }

    @Test
    void anOpenMeetingASharingViolationWaitsForTheCloseOrASecond() throws Exception {
        Client c = new Client();
        int first = c.open(10, "s.dat", 0, 0);
        long t0 = System.nanoTime();
        c.send(11, 1, ntCreate("s.dat", 0, 0));
        c.send(12, 1, echo());
        assertThat(c.receive().header().mid()).isEqualTo(12);
        c.send(13, 1, new CloseRequest(first, 0));
        Map<Integer, Long> statuses = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Smb1Packet p = c.receive();
            statuses.put(p.header().mid(), p.header().status());
        }
        assertThat(statuses).containsEntry(11, 0L).containsEntry(13, 0L);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(900);
        // nothing closes now: the violation is answered after about a second
        t0 = System.nanoTime();
        c.send(14, 1, ntCreate("s.dat", 0, 0));
        Smb1Packet p = c.receive();
        assertThat(p.header().status()).isEqualTo(NtStatus.SHARING_VIOLATION.value() & 0xFFFFFFFFL);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(800);
    }

    @Test
    void aBatchOplockIsBrokenAndTheOpenWaitsForTheAcknowledgmentOnTheSameConnection() throws Exception {
        Client c = new Client();
        c.send(10, 1, ntCreate("o.dat", Smb1Oplocks.REQUEST_OPLOCK | Smb1Oplocks.REQUEST_BATCH, 7));
        Smb1Packet opened = c.receive();
        NtCreateAndXResponse r = (NtCreateAndXResponse) Smb1Messages.decode(opened.header(), opened.blocks().get(0));
        assertThat(r.oplockLevel()).isEqualTo(2); // batch
        c.send(11, 1, ntCreate("o.dat", 0, 7));
        Smb1Packet brk = c.receive();
        assertThat(brk.header().isReply()).isFalse();
        assertThat(brk.header().command()).isEqualTo(Smb1Command.LOCKING_ANDX);
        assertThat(brk.header().mid()).isEqualTo(0xFFFF);
        byte[] w = brk.blocks().get(0).words();
        assertThat(Smb1Legacy.u16(w, 4)).isEqualTo(r.fid());
        assertThat(w[6]).isEqualTo((byte) Smb1Locking.OPLOCK_RELEASE);
        assertThat(w[7]).isEqualTo((byte) 1); // to level II
        // the acknowledgment (no response) lets the second open through
        byte[] ack = new WireWriter().u32le(0xFF).u16le(r.fid()).u8(Smb1Locking.OPLOCK_RELEASE).u8(1).u32le(0)
                .u16le(0).u16le(0).toByteArray();
        c.send(12, 1, new Smb1RawMessage(Smb1Command.LOCKING_ANDX, false, ack, new byte[0]));
        c.expected.remove(12);
        Smb1Packet second = c.receive();
        assertThat(second.header().mid()).isEqualTo(11);
        assertThat(second.header().status()).isZero();
    }

    @Test
    void aTreeDisconnectEndsTheWaitsOnTheTree() throws Exception {
        Client c = new Client();
        int fid = c.open(10, "f.dat", 0, 7);
        c.open(11, "s.dat", 0, 0);
        c.send(12, 1, lock(fid, 1, 0, 4, 0, false));
        assertThat(c.receive().header().status()).isZero();
        c.send(13, 1, lock(fid, 2, 0, 4, 0xFFFFFFFFL, false));
        c.send(14, 1, ntCreate("s.dat", 0, 0)); // waits for the sharing violation to clear
        c.send(15, 1, new org.smbscope.codec.smb1.Smb1EmptyMessage(Smb1Command.TREE_DISCONNECT, false));
        Map<Integer, Long> statuses = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Smb1Packet p = c.receive();
            statuses.put(p.header().mid(), p.header().status());
        }
        assertThat(statuses).containsEntry(15, 0L)
                .containsEntry(13, NtStatus.RANGE_NOT_LOCKED.value() & 0xFFFFFFFFL)
                .containsEntry(14, NtStatus.SHARING_VIOLATION.value() & 0xFFFFFFFFL);
    }

    @Test
    void cancelLockEndsTheWaitingLockOfThatRangeOnly() throws Exception {
        Client c = new Client();
        int fid = c.open(10, "f.dat", 0, 7);
        c.send(11, 1, lock(fid, 1, 100, 10, 0, false));
        assertThat(c.receive().header().status()).isZero();
        c.send(12, 1, lock(fid, 2, 100, 10, 0xFFFFFFFFL, false));
        // the wrong range: ERRDOS/ERRcancelviolation, sent as a DOS error
        byte[] words = new WireWriter().u32le(0xFF).u16le(fid).u8(Smb1Locking.CANCEL).u8(0).u32le(0).u16le(0)
                .u16le(1).toByteArray();
        c.send(13, 1, new Smb1RawMessage(Smb1Command.LOCKING_ANDX, false, words,
                new WireWriter().u16le(2).u32le(0).u32le(10).toByteArray()));
        Smb1Packet refused = c.receive();
        assertThat(refused.header().mid()).isEqualTo(13);
        assertThat(refused.header().status()).isEqualTo(173L << 16 | 1);
        c.send(14, 1, new Smb1RawMessage(Smb1Command.LOCKING_ANDX, false, words,
                new WireWriter().u16le(2).u32le(100).u32le(10).toByteArray()));
        Map<Integer, Long> statuses = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Smb1Packet p = c.receive();
            statuses.put(p.header().mid(), p.header().status());
        }
        assertThat(statuses).containsEntry(14, 0L).containsEntry(12, FILE_LOCK_CONFLICT);
    }

    @Test
    void anOpenRetriesWhenAnotherConnectionClosesTheConflictingOpen() throws Exception {
        Client a = new Client();
        Client b = new Client();
        int first = a.open(10, "x.dat", 0, 0);
        long t0 = System.nanoTime();
        b.send(10, 1, ntCreate("x.dat", 0, 0));
        Thread.sleep(100);
        a.send(11, 1, new CloseRequest(first, 0));
        assertThat(a.receive().header().status()).isZero();
        Smb1Packet p = b.receive();
        assertThat(p.header().mid()).isEqualTo(10);
        assertThat(p.header().status()).isZero();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(900); // polled every 200 ms
    }
}
