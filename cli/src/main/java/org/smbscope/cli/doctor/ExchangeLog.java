package org.smbscope.cli.doctor;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smbscope.client.WireTap;
import org.smbscope.client.probe.ProbeFrame;
import org.smbscope.client.probe.ProbeResult;
import org.smbscope.trace.capture.Endpoint;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/**
 * The adapter from the doctor's traffic to the one event model: probe frames and the client's
 * {@link WireTap} frames become {@link Exchange}s, numbered in the order they happened, so the
 * explainer and the rules read the doctor's session exactly like a capture.
 */
final class ExchangeLog {
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Set<Endpoint> probes = new HashSet<>();
    private int sessions;

    /** Adds a probe's frames; its client endpoint is remembered as a probe. */
    synchronized Endpoint addProbe(ProbeResult r) {
        Endpoint client = endpoint(r.local(), ++sessions);
        Endpoint server = endpoint(r.remote(), 0);
        probes.add(client);
        for (ProbeFrame f : r.frames()) {
            Layer layer = r.udp() ? Layer.NBNS : f.control() ? Layer.NBSS : Layer.ofSmbPayload(f.bytes());
            add(client, server, f.sent(), f.time(), layer, f.bytes());
        }
        return client;
    }

    /** A tap for one client connection to {@code server}; an exploratory one counts as a probe. */
    synchronized WireTap tap(InetSocketAddress server, boolean exploratory) {
        Endpoint client = endpoint(null, ++sessions);
        if (exploratory) {
            probes.add(client);
        }
        Endpoint srv = endpoint(server, 0);
        return (direction, at, frame, decoded) -> add(client, srv, direction == WireTap.Direction.SENT, at,
                Layer.ofSmbPayload(frame), frame);
    }

    /** A Kerberos message relayed to or from the KDC (the record's body, without its length). */
    synchronized void addKerberos(Endpoint client, Endpoint kdc, boolean sent, Instant time, byte[] message) {
        add(client, kdc, sent, time, Layer.KERBEROS, message);
    }

    private synchronized void add(Endpoint client, Endpoint server, boolean sent, Instant time, Layer layer, byte[] bytes) {
        exchanges.add(new Exchange(exchanges.size() + 1, 0, time, client, server,
                sent ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT, layer, bytes.clone()));
    }

    /** The local side of a connection, or a numbered stand-in when the client does not tell it. */
    private static Endpoint endpoint(InetSocketAddress a, int n) {
        if (a != null && a.getAddress() != null) {
            return new Endpoint(a.getAddress(), a.getPort());
        }
        return new Endpoint(InetAddress.getLoopbackAddress(), n);
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    synchronized Set<Endpoint> probeClients() {
        return Set.copyOf(probes);
    }
}
