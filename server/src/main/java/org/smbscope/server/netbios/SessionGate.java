package org.smbscope.server.netbios;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.PositiveSessionResponse;
import org.smbscope.codec.netbios.SessionError;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionFrameHeader;
import org.smbscope.codec.netbios.SessionKeepAlive;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.netbios.SessionRequest;
import org.smbscope.server.config.ServerConfig;

/**
 * The first exchange on a just-accepted TCP 139 connection, RFC 1002 4.3.2 to 4.3.4 and RFC 1001 16.1: reads
 * the SESSION REQUEST and answers it. A called name that is one of ours (name and suffix, case-insensitive)
 * or {@code *SMBSERVER} gets a POSITIVE SESSION RESPONSE and the connection carries SMB from then on;
 * any other name gets a NEGATIVE SESSION RESPONSE 0x82 "Called name not present" and the connection is
 * closed. Keep-alives before the request are skipped (at most {@link #MAX_KEEPALIVES}); anything else
 * first (an SMB frame sent without a session request) gets 0x8F "Unspecified error". Every read is
 * bounded in size (a request holds two names: at most {@link #MAX_REQUEST_LENGTH} bytes) and in time.
 *
 * <pre>{@code
 * SessionGate gate = new SessionGate(Set.of(NetbiosName.of("SERVER", 0x20)));
 * Socket s = listener.accept();
 * if (gate.admit(s).accepted()) { serveSmb(s); } // a refused socket is already closed
 * }</pre>
 */
public final class SessionGate {
    private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);
    /** The wildcard server name clients call when they only know an address (smbclient -I, Windows by IP). */
    public static final String SMBSERVER = "*SMBSERVER";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Two second-level encoded names of at most 255 bytes each. */
    public static final int MAX_REQUEST_LENGTH = 2 * NetbiosName.MAX_ENCODED_LENGTH;
    public static final int MAX_KEEPALIVES = 16;

    private static final SessionFrameCodec CODEC = new SessionFrameCodec(MAX_REQUEST_LENGTH);

    private final Set<String> ours;
    private final Duration timeout;

    /** A gate for these names (e.g. NAME&lt;20&gt; and each alias&lt;20&gt;) with the default timeout. */
    public SessionGate(Set<NetbiosName> ourNames) {
        this(ourNames, DEFAULT_TIMEOUT);
    }

    /** {@code timeout} bounds the whole wait for the session request. */
    public SessionGate(Set<NetbiosName> ourNames, Duration timeout) {
        Objects.requireNonNull(ourNames, "ourNames");
        this.ours = ourNames.stream().map(SessionGate::key).collect(Collectors.toUnmodifiableSet());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The gate of a server with this configuration: {@code netbios name}&lt;20&gt; and each {@code netbios aliases}&lt;20&gt;. */
    public static SessionGate of(ServerConfig config) {
        Set<NetbiosName> names = new java.util.LinkedHashSet<>();
        names.add(NetbiosName.of(config.netbiosName(), 0x20));
        config.netbios().aliases().forEach(a -> names.add(NetbiosName.of(a, 0x20)));
        return new SessionGate(names);
    }

    private static String key(NetbiosName n) {
        return n.name().toUpperCase(Locale.ROOT) + "<" + n.suffix() + ">";
    }

    /** What happened at the gate: the request (absent when none arrived) and why it was refused. */
    public record Admission(boolean accepted, Optional<SessionRequest> request, String reason) {
        public Admission {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Whether a request calling {@code called} is accepted. */
    public boolean accepts(NetbiosName called) {
        return ours.contains(key(called))
                || (called.name().equalsIgnoreCase(SMBSERVER) && called.suffix() == 0x20);
    }

    /** The answer to a session request: positive, or negative 0x82. */
    public SessionPacket answer(SessionRequest request) {
        return accepts(request.called()) ? new PositiveSessionResponse()
                : new NegativeSessionResponse(SessionError.CALLED_NAME_NOT_PRESENT);
    }

    /**
     * Reads the session request from {@code socket} and answers it. When accepted the socket is open, its
     * read timeout restored, positioned at the first session message. When refused (wrong name, malformed or
     * unexpected packet, timeout, peer gone) the socket is closed.
     */
    public Admission admit(Socket socket) throws IOException {
        int previousTimeout = socket.getSoTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int keepalives = 0; ; ) {
                byte[] header = new byte[SessionFrameHeader.LENGTH];
                readFully(socket, in, header, deadline);
                SessionFrameHeader h;
                try {
                    h = CODEC.decodeHeader(header);
                } catch (NetbiosDecodeException e) {
                    return refuse(socket, out, SessionError.UNSPECIFIED_ERROR, Optional.empty(),
                            "bad session packet header from " + peer + ": " + e.getMessage());
                }
                byte[] body = new byte[h.length()];
                readFully(socket, in, body, deadline);
                SessionPacket p;
                try {
                    p = CODEC.decodeBody(h, body);
                } catch (NetbiosDecodeException e) {
                    return refuse(socket, out, SessionError.UNSPECIFIED_ERROR, Optional.empty(),
                            "malformed session packet from " + peer + ": " + e.getMessage());
                }
                if (p instanceof SessionKeepAlive) {
                    if (++keepalives > MAX_KEEPALIVES) {
                        return refuse(socket, out, SessionError.UNSPECIFIED_ERROR, Optional.empty(),
                                "more than " + MAX_KEEPALIVES + " keep-alives and no session request from " + peer);
                    }
                    continue;
                }
                if (!(p instanceof SessionRequest request)) {
                    return refuse(socket, out, SessionError.UNSPECIFIED_ERROR, Optional.empty(),
                            p.type().description() + " from " + peer + " before any session request");
                }
                if (!accepts(request.called())) {
                    return refuse(socket, out, SessionError.CALLED_NAME_NOT_PRESENT, Optional.of(request),
                            "called name " + request.called() + " is not ours (calling " + request.calling() + ", "
                                    + peer + ")");
                }
                out.write(CODEC.encode(new PositiveSessionResponse()));
                out.flush();
                socket.setSoTimeout(previousTimeout);
                LOG.debug("NetBIOS session from {} ({}) to {}", request.calling(), peer, request.called());
                return new Admission(true, Optional.of(request), "");
            }
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            return new Admission(false, Optional.empty(), "no session request from " + peer + " within " + timeout);
        } catch (EOFException e) {
            closeQuietly(socket);
            return new Admission(false, Optional.empty(), peer + " closed the connection before a session request");
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private Admission refuse(Socket socket, OutputStream out, SessionError error, Optional<SessionRequest> request,
            String reason) {
        LOG.info("NetBIOS session refused ({}): {}", error.meaning(), reason);
        try {
            out.write(CODEC.encode(new NegativeSessionResponse(error)));
            out.flush();
        } catch (IOException e) {
            LOG.debug("cannot send the negative session response: {}", e.toString());
        }
        closeQuietly(socket);
        return new Admission(false, request, reason);
    }

    private static void readFully(Socket socket, DataInputStream in, byte[] into, long deadline) throws IOException {
        int done = 0;
        while (done < into.length) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("session request timed out");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int n = in.read(into, done, into.length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket we are giving up on
        }
    }
}
