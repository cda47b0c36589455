package org.smbscope.bench.micro;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smbscope.bench.SyntheticCapture;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.capture.CapturedPacket;
import org.smbscope.trace.event.CaptureExchanges;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/**
 * Capture decoding on a 64 MiB synthetic SMB2 capture held in memory ({@link SyntheticCapture}):
 * frames only ({@link CaptureReader}), frames to exchanges (TCP reassembly and session framing,
 * {@link CaptureExchanges}), and exchanges fully decoded as SMB2. Time per capture; 64 MiB divided
 * by it is the throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CaptureDecodeBench {
    private byte[] capture;

    @Setup
    public void setup() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(70 << 20);
        SyntheticCapture.write(out, 64L << 20);
        capture = out.toByteArray();
    }

    @Benchmark
    public long frames() throws IOException, CaptureDecodeException {
        long bytes = 0;
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
            for (CapturedPacket p = r.next(); p != null; p = r.next()) {
                bytes += p.data().length;
            }
        }
        return bytes;
    }

    @Benchmark
    public long exchanges() throws IOException, CaptureDecodeException {
        long n = 0;
        try (CaptureExchanges ex = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(capture)),
                CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e = ex.next(); e != null; e = ex.next()) {
                n += e.payload().length;
            }
        }
        return n;
    }

    @Benchmark
    public long smb2Decoded() throws IOException, CaptureDecodeException, Smb2DecodeException {
        long n = 0;
        try (CaptureExchanges ex = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(capture)),
                CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e = ex.next(); e != null; e = ex.next()) {
                if (e.layer() == Layer.SMB2) {
                    for (Smb2Packet p : Smb2Codec.decodeAll(e.payload())) {
                        n += p.header().command().value();
                    }
                }
            }
        }
        return n;
    }
}
