package org.smbscope.client.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionRequest;
import org.smbscope.codec.ntlm.NegotiateFlag;
import org.smbscope.codec.ntlm.NegotiateMessage;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.Cipher;
import org.smbscope.codec.smb2.HashAlgorithm;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.spnego.NegTokenInit;

/**
 * The doctor's single-question probes, each on its own connection: TCP reachability, the NetBIOS
 * session request (RFC 1002 4.3.2), one SMB1 NEGOTIATE with NT LM 0.12 ([MS-CIFS] 2.2.4.52), one
 * SMB2 NEGOTIATE with the given dialects ([MS-SMB2] 2.2.3), the NTLM challenge (SESSION_SETUP
 * with an NTLMSSP_NEGOTIATE in SPNEGO, [MS-SMB2] 3.2.4.2.3), and an NBNS node status ([RFC 1002]
 * 4.2.17). None throws for a network failure: the result carries the error.
 */
public final class Probes {
    /** The NetBIOS name that any SMB server answers on port 139. */
    public static final NetbiosName SMBSERVER = NetbiosName.of("*SMBSERVER", 0x20);

    private Probes() {
    }

    /** How to reach the SMB layer: direct TCP, or NetBIOS session service with a called name. */
    public record Route(InetSocketAddress target, NetbiosName calledName) {
        public static Route direct(InetSocketAddress target) {
            return new Route(target, null);
        }

        public boolean netbios() {
            return calledName != null;
        }
    }

    private interface Body {
        void run(FramedSocket s) throws IOException;
    }

    private static ProbeResult run(Route route, ProbeConfig config, Body body) {
        FramedSocket s;
        long t0 = System.nanoTime();
        try {
            s = FramedSocket.connect(route.target(), config);
        } catch (IOException e) {
            return new ProbeResult(null, route.target(), false, Duration.ofNanos(System.nanoTime() - t0), List.of(),
                    Optional.of(reason(e)));
        }
        try (s) {
            if (route.netbios()) {
                s.sendControl(SessionFrameCodec.DEFAULT.encode(new SessionRequest(route.calledName(),
                        NetbiosName.of(config.workstation(), 0x00))));
                ProbeFrame answer = s.receive();
                if (!answer.control() || (answer.bytes()[0] & 0xFF) != 0x82) {
                    return new ProbeResult(s.local(), route.target(), false, s.connect, s.frames,
                            Optional.of("the NetBIOS session was refused"));
                }
            }
            body.run(s);
            return new ProbeResult(s.local(), route.target(), false, s.connect, s.frames, Optional.empty());
        } catch (IOException e) {
            return new ProbeResult(s.local(), route.target(), false, s.connect, s.frames, Optional.of(reason(e)));
        }
    }

    static String reason(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out (" + m + ")";
        }
        return m.toLowerCase(java.util.Locale.ROOT).contains("reset") ? "connection reset by the server" : m;
    }

    /** Whether a TCP connection can be made, and how long it takes. */
    public static ProbeResult tcp(InetSocketAddress target, ProbeConfig config) {
        return run(Route.direct(target), config, s -> { });
    }

    /** A NetBIOS session request and the server's answer, nothing else. */
    public static ProbeResult sessionRequest(InetSocketAddress target, NetbiosName called, ProbeConfig config) {
        return run(new Route(target, called), config, s -> { });
    }

    /** One SMB1 NEGOTIATE offering only NT LM 0.12 (extended security, signing as configured). */
    public static ProbeResult smb1Negotiate(Route route, ProbeConfig config) {
        return run(route, config, s -> {
            int flags2 = Smb1Flags2.UNICODE | Smb1Flags2.NT_STATUS | Smb1Flags2.EXTENDED_SECURITY | Smb1Flags2.LONG_NAMES
                    | Smb1Flags2.SMB_SECURITY_SIGNATURE
                    | (config.requireSigning() ? Smb1Flags2.SMB_SECURITY_SIGNATURE_REQUIRED : 0);
            Smb1Header h = Smb1Header.request(Smb1Command.NEGOTIATE, new Smb1Flags(0x18), new Smb1Flags2(flags2), 0,
                    0xFEFF, 0, 1);
            s.sendMessage(Smb1Packet.encode(h, new NegotiateRequest(List.of(NegotiateRequest.NT_LM_0_12))));
            s.receive();
        });
    }

    /** One SMB2 NEGOTIATE offering exactly {@code dialects}. */
    public static ProbeResult smb2Negotiate(Route route, List<Smb2Dialect> dialects, ProbeConfig config) {
        return run(route, config, s -> {
            s.sendMessage(negotiate(dialects, config));
            s.receive();
        });
    }

    /**
     * NEGOTIATE with every dialect, then SESSION_SETUP with an NTLMSSP_NEGOTIATE: the server's
     * SPNEGO hint and its NTLM challenge (target info: names, domain, OS version). No credentials
     * are sent.
     */
    public static ProbeResult ntlmChallenge(Route route, ProbeConfig config) {
        return run(route, config, s -> {
            s.sendMessage(negotiate(List.of(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1, Smb2Dialect.SMB_3_0,
                    Smb2Dialect.SMB_3_0_2, Smb2Dialect.SMB_3_1_1), config));
            ProbeFrame answer = s.receive();
            if (answer.bytes().length < 4 || (answer.bytes()[0] & 0xFF) != 0xFE) {
                return;
            }
            EnumSet<NegotiateFlag> flags = EnumSet.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE,
                    NegotiateFlag.NTLMSSP_REQUEST_TARGET, NegotiateFlag.NTLMSSP_NEGOTIATE_NTLM,
                    NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN, NegotiateFlag.NTLMSSP_NEGOTIATE_ALWAYS_SIGN,
                    NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, NegotiateFlag.NTLMSSP_NEGOTIATE_128,
                    NegotiateFlag.NTLMSSP_NEGOTIATE_56, NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH);
            byte[] ntlm = new NegotiateMessage(flags, "", "", null).encode();
            byte[] token = NegTokenInit.of(List.of(Oid.NTLMSSP), ntlm).encode();
            SessionSetupRequest setup = new SessionSetupRequest(0, signing(config), Capabilities.NONE, 0, 0, token);
            s.sendMessage(Smb2Codec.encode(Smb2Header.request(Smb2Command.SESSION_SETUP, 1), setup));
            s.receive();
        });
    }

    private static SecurityMode signing(ProbeConfig config) {
        return config.requireSigning() ? SecurityMode.of(SecurityMode.SIGNING_ENABLED, SecurityMode.SIGNING_REQUIRED)
                : SecurityMode.SIGNING_ENABLED;
    }

    static byte[] negotiate(List<Smb2Dialect> dialects, ProbeConfig config) {
        List<NegotiateContext> contexts = new ArrayList<>();
        boolean smb3 = dialects.stream().anyMatch(d -> d.value() >= 0x300);
        if (dialects.contains(Smb2Dialect.SMB_3_1_1)) {
            byte[] salt = new byte[32];
            config.random().nextBytes(salt);
            contexts.add(new NegotiateContext.PreauthIntegrity(List.of(HashAlgorithm.SHA_512), salt));
            contexts.add(new NegotiateContext.Encryption(List.of(Cipher.AES_128_GCM, Cipher.AES_128_CCM,
                    Cipher.AES_256_GCM, Cipher.AES_256_CCM)));
        }
        byte[] guid = new byte[16];
        config.random().nextBytes(guid);
        Capabilities caps = smb3 ? Capabilities.of(Capabilities.DFS, Capabilities.LARGE_MTU, Capabilities.ENCRYPTION)
                : Capabilities.of(Capabilities.DFS, Capabilities.LARGE_MTU);
        var request = new org.smbscope.codec.smb2.NegotiateRequest(signing(config), caps, Guid.fromWire(guid), dialects,
                contexts);
        return Smb2Codec.encode(Smb2Header.request(Smb2Command.NEGOTIATE, 0), request);
    }

    /** An NBNS node status request (wildcard name) to {@code target} (UDP 137) and its answer. */
    public static ProbeResult nodeStatus(InetSocketAddress target, ProbeConfig config) {
        return udp(target, NameServicePackets.nodeStatusRequest(config.random().nextInt(0x10000),
                NetbiosName.wildcard()).encode(), config);
    }

    /** A unicast NBNS name query with recursion desired (as to a WINS server, RFC 1002 4.2.12) and its answer. */
    public static ProbeResult nameQuery(InetSocketAddress server, NetbiosName name, ProbeConfig config) {
        return udp(server, NameServicePackets.query(config.random().nextInt(0x10000), name).encode(), config);
    }

    private static ProbeResult udp(InetSocketAddress target, byte[] q, ProbeConfig config) {
        List<ProbeFrame> frames = new ArrayList<>();
        long t0 = System.nanoTime();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) config.timeout().toMillis());
            frames.add(new ProbeFrame(true, config.clock().instant(), q, false));
            socket.send(new DatagramPacket(q, q.length, target));
            byte[] buf = new byte[1500];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            frames.add(new ProbeFrame(false, config.clock().instant(), java.util.Arrays.copyOf(buf, p.getLength()), false));
            return new ProbeResult((InetSocketAddress) socket.getLocalSocketAddress(), target, true,
                    Duration.ofNanos(System.nanoTime() - t0), frames, Optional.empty());
        } catch (IOException e) {
            return new ProbeResult(null, target, true, Duration.ofNanos(System.nanoTime() - t0), frames,
                    Optional.of(reason(e)));
        }
    }

}
