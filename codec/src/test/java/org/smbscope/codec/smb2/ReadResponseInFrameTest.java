package org.smbscope.codec.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.smbscope.codec.status.NtStatus;
import org.junit.jupiter.api.Test;

/** {@link ReadResponse#inFrame}: encoded in place, byte for byte what the copying encoder writes. */
class ReadResponseInFrameTest {
    private static final Smb2Header HEADER = Smb2Header.responseTo(Smb2Header.request(Smb2Command.READ, 7), NtStatus.SUCCESS, 5);

    @Test
    void encodesInPlaceTheSameBytes() throws Exception {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        byte[] copied = Smb2Codec.encode(HEADER, new ReadResponse(3, 0, ByteBuffer.wrap(data)));
        byte[] frame = new byte[ReadResponse.DATA_OFFSET + data.length];
        System.arraycopy(data, 0, frame, ReadResponse.DATA_OFFSET, data.length);
        ReadResponse framed = ReadResponse.inFrame(frame, 3, 0);
        byte[] inPlace = Smb2Codec.encode(HEADER, framed);
        assertThat(inPlace).isSameAs(frame).isEqualTo(copied);
        assertThat(framed).isEqualTo(new ReadResponse(3, 0, ByteBuffer.wrap(data)));
        assertThat(framed.data().isReadOnly()).isTrue();
        assertThat(((ReadResponse) Smb2Codec.decode(inPlace).message()).dataBytes()).isEqualTo(data);
    }

    @Test
    void anOrdinaryBufferIsCopiedNotOverwritten() {
        byte[] backing = new byte[ReadResponse.DATA_OFFSET + 4];
        ByteBuffer view = ByteBuffer.wrap(backing, ReadResponse.DATA_OFFSET, 4); // not a slice: copied
        byte[] out = Smb2Codec.encode(HEADER, new ReadResponse(0, 0, view));
        assertThat(out).isNotSameAs(backing);
        assertThat(backing).containsOnly(0);
    }

    @Test
    void aFrameWithoutDataIsRefused() {
        assertThatThrownBy(() -> ReadResponse.inFrame(new byte[ReadResponse.DATA_OFFSET], 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
