package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.trace.capture.CaptureReader;

/**
 * Kerberos over TCP (RFC 4120 7.2.2): a record's length prefix and body split over several
 * segments, and two records in one segment, come out as whole KERBEROS exchanges.
 */
class KerberosTcpTest {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private long c2s = 1000;
    private long s2c = 5000;

    private void header() {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        out.writeBytes(h.array());
    }

    private void segment(boolean fromClient, int flags, byte[] payload) {
        ByteBuffer ip = ByteBuffer.allocate(40 + payload.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putInt(0).put((byte) 64).put((byte) 6)
                .putShort((short) 0);
        byte[] a = {127, 0, 0, 1};
        byte[] b = {127, 0, 0, 88};
        ip.put(fromClient ? a : b).put(fromClient ? b : a);
        ip.putShort((short) (fromClient ? 50000 : 88)).putShort((short) (fromClient ? 88 : 50000));
        ip.putInt((int) (fromClient ? c2s : s2c)).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 65535)
                .putInt(0);
        ip.put(payload);
        if (fromClient) {
            c2s += payload.length + ((flags & 0x03) != 0 ? 1 : 0);
        } else {
            s2c += payload.length + ((flags & 0x03) != 0 ? 1 : 0);
        }
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt(0).putInt(0).putInt(ip.capacity()).putInt(ip.capacity());
        out.writeBytes(rec.array());
        out.writeBytes(ip.array());
    }

    static byte[] record(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    @Test
    void recordsSplitAndJoinedAcrossSegments() throws Exception {
        byte[] req = new byte[300];
        Arrays.fill(req, (byte) 0x6a);
        byte[] err1 = {0x7e, 1, 2, 3};
        byte[] err2 = {0x7e, 4, 5};
        header();
        segment(true, 0x02, new byte[0]);
        segment(false, 0x12, new byte[0]);
        byte[] r = record(req);
        segment(true, 0x18, Arrays.copyOfRange(r, 0, 2)); // half the length prefix
        segment(true, 0x18, Arrays.copyOfRange(r, 2, 100));
        segment(true, 0x18, Arrays.copyOfRange(r, 100, r.length));
        byte[] both = ByteBuffer.allocate(8 + err1.length + err2.length).put(record(err1)).put(record(err2)).array();
        segment(false, 0x18, both);
        List<Exchange> xs = new ArrayList<>();
        try (CaptureExchanges c = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(out.toByteArray())),
                CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e; (e = c.next()) != null; ) {
                xs.add(e);
            }
        }
        assertThat(xs).hasSize(3).allMatch(e -> e.layer() == Layer.KERBEROS);
        assertThat(xs.get(0).payload()).isEqualTo(req);
        assertThat(xs.get(0).frame()).isEqualTo(5);
        assertThat(xs.get(0).server().port()).isEqualTo(88);
        assertThat(xs.get(0).direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
        assertThat(xs.get(1).payload()).isEqualTo(err1);
        assertThat(xs.get(2).payload()).isEqualTo(err2);
        assertThat(xs.get(2).direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
    }
}
