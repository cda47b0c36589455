package org.smbscope.trace.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.capture.Endpoint;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/** File data dropped after decoding: sizes, summary, detail and narration stay; the bytes go. */
class MessageSlimmerTest {
    private static Exchange read(long mid, int size) throws Exception {
        byte[] payload = Smb2Codec.encode(Smb2Header.responseTo(Smb2Header.request(Smb2Command.READ, mid),
                NtStatus.SUCCESS, 1), ReadResponse.of(new byte[size]));
        Endpoint c = new Endpoint(InetAddress.getByName("10.0.0.1"), 50000);
        Endpoint s = new Endpoint(InetAddress.getByName("10.0.0.2"), 445);
        return new Exchange(mid, mid, Instant.EPOCH, c, s, Direction.SERVER_TO_CLIENT, Layer.SMB2, payload);
    }

    @Test
    void readDataIsDroppedButItsSizeStays() throws Exception {
        MessageSlimmer slimmer = new MessageSlimmer(4096);
        Message full = MessageDecoder.decode(read(1, 1 << 20)).get(0);
        Message slim = slimmer.slim(full);
        Message slim2 = slimmer.slim(MessageDecoder.decode(read(2, 1 << 20)).get(0));
        assertThat(slim.exchange().payload()).hasSize(4096);
        assertThat(slim.summary()).isEqualTo(full.summary());
        assertThat(slim.detail().render()).isEqualTo(full.detail().render());
        ReadResponse r = (ReadResponse) ((Smb2Packet) slim.decoded()).message();
        ReadResponse r2 = (ReadResponse) ((Smb2Packet) slim2.decoded()).message();
        assertThat(r.dataLength()).isEqualTo(1 << 20);
        assertThat(r2.dataLength()).isEqualTo(1 << 20);
        assertThat(Explainer.explain(List.of(slim)).render()).isEqualTo(Explainer.explain(List.of(full)).render());
    }

    @Test
    void smallMessagesAreKeptAsTheyAre() throws Exception {
        Message m = MessageDecoder.decode(read(1, 100)).get(0);
        assertThat(new MessageSlimmer(4096).slim(m)).isSameAs(m);
    }
}
