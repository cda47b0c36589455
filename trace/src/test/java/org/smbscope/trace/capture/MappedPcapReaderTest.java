package org.smbscope.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A classic pcap file opened by path is read mapped into memory: the frames are those the stream reader
 * gives, whichever way they are read ({@code next}, {@code nextView}, {@code nextHead} then
 * {@code completeView}), and a torn file fails with the same error.
 */
class MappedPcapReaderTest {
    /** Record sizes around the small-read buffer (512) and the head sizes asked for. */
    private static final int[] SIZES = {0, 10, 300, 511, 512, 513, 600, 70_000, 1, 2000};

    static byte[] pcap(boolean bigEndian, boolean nanos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(101);
        out.writeBytes(h.array());
        for (int i = 0; i < SIZES.length; i++) {
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            r.putInt(1_700_000_000 + i).putInt(1000 * i).putInt(SIZES[i]).putInt(SIZES[i] + 4);
            out.writeBytes(r.array());
            byte[] data = new byte[SIZES[i]];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (j * 31 + i);
            }
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    private record Frame(long number, java.time.Instant time, int linkType, byte[] data, long originalLength) {
        static Frame of(CapturedPacket p) {
            // a copy: a view's array is the reader's, reused by the next frame
            return new Frame(p.number(), p.time(), p.linkType(), Arrays.copyOfRange(p.bytes(), p.offset(), p.offset() + p.length()),
                    p.originalLength());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && number == f.number && time.equals(f.time) && linkType == f.linkType
                    && Arrays.equals(data, f.data) && originalLength == f.originalLength;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(number);
        }
    }

    /** 0: next, 1: nextView, 2: nextHead(100) + completeView, 3: nextHead(1000) + completeView. */
    private static List<Frame> read(CaptureReader r, int way) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (r) {
            while (true) {
                CapturedPacket p = switch (way) {
                    case 0 -> r.next();
                    case 1 -> r.nextView();
                    default -> r.nextHead(way == 2 ? 100 : 1000);
                };
                if (p == null) {
                    return out;
                }
                if (way >= 2) {
                    r.completeView();
                }
                out.add(Frame.of(p));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void mappedFramesAreTheStreamFrames(int way, @TempDir Path dir) throws Exception {
        for (boolean big : new boolean[] {false, true}) {
            byte[] file = pcap(big, big);
            Path path = dir.resolve("c.pcap");
            Files.write(path, file);
            List<Frame> stream = read(CaptureReader.open(new ByteArrayInputStream(file)), 0);
            assertThat(stream).hasSize(SIZES.length);
            assertThat(read(CaptureReader.open(path), way)).isEqualTo(stream);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void withoutMappingPositionalReadsGiveTheSameFrames(int way, @TempDir Path dir) throws Exception {
        byte[] file = pcap(false, false);
        Path path = dir.resolve("c.pcap");
        Files.write(path, file);
        List<Frame> stream = read(CaptureReader.open(new ByteArrayInputStream(file)), 0);
        CaptureReader unmapped = new PcapReader(new MappedInput(
                java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ), false));
        assertThat(read(unmapped, way)).isEqualTo(stream);
    }

    @Test
    void nextHeadHoldsTheFirstBytesBeforeTheRest(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("c.pcap");
        Files.write(path, pcap(false, false));
        List<Frame> stream = read(CaptureReader.open(new ByteArrayInputStream(pcap(false, false))), 0);
        try (CaptureReader r = CaptureReader.open(path)) {
            for (Frame want : stream) {
                CapturedPacket p = r.nextHead(64);
                assertThat(p.length()).isEqualTo(want.data().length);
                int head = Math.min(64, p.length());
                assertThat(Arrays.copyOfRange(p.bytes(), p.offset(), p.offset() + head))
                        .isEqualTo(Arrays.copyOf(want.data(), head));
            }
            assertThat(r.nextHead(64)).isNull();
        }
    }

    /** Cut inside the global header, a record header and a record's data. */
    @ParameterizedTest
    @ValueSource(ints = {10, 24 + 5, 24 + 16 + 0 + 16 + 4, 24 + 16 + 0 + 16 + 10 + 16 + 100})
    void aTornFileFailsAsTheStreamDoes(int length, @TempDir Path dir) throws Exception {
        byte[] file = Arrays.copyOf(pcap(false, false), length);
        Path path = dir.resolve("c.pcap");
        Files.write(path, file);
        CaptureDecodeException stream = catchThrowableOfType(CaptureDecodeException.class,
                () -> read(CaptureReader.open(new ByteArrayInputStream(file)), 0));
        for (int way = 0; way < 4; way++) {
            int w = way;
            CaptureDecodeException mapped = catchThrowableOfType(CaptureDecodeException.class,
                    () -> read(CaptureReader.open(path), w));
            assertThat(mapped).as("way " + way).isNotNull();
            assertThat(mapped.getMessage()).isEqualTo(stream.getMessage());
        }
    }

    @Test
    void aRecordLongerThanTheFileIsAnErrorNotAnAllocation(@TempDir Path dir) throws Exception {
        byte[] file = pcap(false, false);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, CaptureReader.MAX_RECORD); // first incl_len
        Path path = dir.resolve("c.pcap");
        Files.write(path, file);
        CaptureDecodeException stream = catchThrowableOfType(CaptureDecodeException.class,
                () -> read(CaptureReader.open(new ByteArrayInputStream(file)), 0));
        CaptureDecodeException mapped = catchThrowableOfType(CaptureDecodeException.class,
                () -> read(CaptureReader.open(path), 1));
        assertThat(mapped.getMessage()).isEqualTo(stream.getMessage()).contains("capture ends inside a record");
    }
}
