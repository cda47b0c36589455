package org.smbscope.bench.micro;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smbscope.bench.SampleMessages;
import org.smbscope.codec.crypto.CryptoWarmup;
import org.smbscope.codec.crypto.SigningAlgorithm;
import org.smbscope.codec.crypto.Smb2Signer;

/**
 * SMB2 message signing ([MS-SMB2] 3.1.4.1) per algorithm, on a READ response carrying 64 KiB or
 * 1 MiB: HMAC-SHA256 (2.x), AES-128-CMAC (3.0), AES-128-GMAC (3.1.1). Time per message; divide
 * the size by it for bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigningBench {
    @Param({"HMAC_SHA256", "AES_CMAC", "AES_GMAC"})
    public SigningAlgorithm algorithm;

    @Param({"65536", "1048576"})
    public int size;

    private Smb2Signer signer;
    private byte[] message;

    @Setup
    public void setup() {
        // a few JMH iterations of 1 MiB messages are too few calls for the JIT's top tier (see CryptoWarmup)
        CryptoWarmup.run(algorithm, null, CryptoWarmup.DEFAULT_ITERATIONS);
        signer = Smb2Signer.of(algorithm, SampleMessages.data(16));
        var read = SampleMessages.readRequest(0, size);
        message = SampleMessages.response(SampleMessages.readResponse(SampleMessages.data(size)), 9, read, 1);
        message[16] |= 0x08; // SMB2_FLAGS_SIGNED
        signer.sign(message, 0, message.length);
    }

    @Benchmark
    public byte[] sign() {
        return signer.compute(message, 0, message.length);
    }

    @Benchmark
    public boolean verify() {
        return signer.verify(message, 0, message.length);
    }
}
