package org.smbscope.bench.micro;

import java.util.SplittableRandom;
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
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.CryptoDecodeException;
import org.smbscope.codec.crypto.CryptoWarmup;
import org.smbscope.codec.crypto.NonceSource;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.crypto.Smb3Transform;

/**
 * SMB 3.x encryption ([MS-SMB2] 3.1.4.3, TRANSFORM_HEADER) per cipher, sealing and opening a
 * READ response carrying 64 KiB or 1 MiB: AES-128/256-CCM and AES-128/256-GCM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncryptionBench {
    @Param({"AES_128_CCM", "AES_128_GCM", "AES_256_CCM", "AES_256_GCM"})
    public CipherId cipher;

    @Param({"65536", "1048576"})
    public int size;

    private Smb3Transform transform;
    private byte[] plain;
    private byte[] sealed;

    @Setup
    public void setup() throws CryptoDecodeException {
        // a few JMH iterations of 1 MiB messages are too few calls for the JIT's top tier (see CryptoWarmup)
        CryptoWarmup.run(null, cipher, CryptoWarmup.DEFAULT_ITERATIONS);
        byte[] key = SampleMessages.data(cipher.keyLength());
        // one key both ways, so what this transform seals it can open
        Smb3Keys keys = new Smb3Keys(0x0311, cipher, SampleMessages.data(16), key, key, SampleMessages.data(16));
        transform = Smb3Transform.of(keys, NonceSource.counter(new SplittableRandom(1)));
        var read = SampleMessages.readRequest(0, size);
        plain = SampleMessages.response(SampleMessages.readResponse(SampleMessages.data(size)), 9, read, 1);
        sealed = transform.seal(SampleMessages.SESSION_ID, plain);
        transform.open(sealed);
    }

    @Benchmark
    public byte[] seal() {
        return transform.seal(SampleMessages.SESSION_ID, plain);
    }

    @Benchmark
    public byte[] open() throws CryptoDecodeException {
        return transform.open(sealed);
    }
}
