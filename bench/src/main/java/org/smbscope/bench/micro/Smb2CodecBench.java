package org.smbscope.bench.micro;

import java.util.List;
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
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Message;
import org.smbscope.codec.smb2.Smb2Packet;

/**
 * SMB2 encode and decode ({@link Smb2Codec}) per message family: READ and WRITE with 64 KiB and
 * 1 MiB of data, CREATE response, QUERY_DIRECTORY response of 100 entries, READ request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Smb2CodecBench {
    @Param({"READ_REQUEST", "READ_RESPONSE_64K", "READ_RESPONSE_1M", "WRITE_REQUEST_64K", "WRITE_REQUEST_1M",
            "CREATE_REQUEST", "CREATE_RESPONSE", "QUERY_DIRECTORY_RESPONSE_100"})
    public String message;

    private Smb2Header header;
    private Smb2Message body;
    private byte[] wire;

    @Setup
    public void setup() throws Smb2DecodeException {
        var create = SampleMessages.createRequest("dir\\file.bin");
        var read = SampleMessages.readRequest(0, 65536);
        org.smbscope.codec.smb2.Smb2Request request = switch (message) {
            case "READ_REQUEST", "READ_RESPONSE_64K", "READ_RESPONSE_1M" -> read;
            case "WRITE_REQUEST_64K" -> SampleMessages.writeRequest(0, SampleMessages.data(64 << 10));
            case "WRITE_REQUEST_1M" -> SampleMessages.writeRequest(0, SampleMessages.data(1 << 20));
            case "CREATE_REQUEST", "CREATE_RESPONSE" -> create;
            case "QUERY_DIRECTORY_RESPONSE_100" -> SampleMessages.queryDirectoryRequest();
            default -> throw new IllegalArgumentException(message);
        };
        Smb2Message response = switch (message) {
            case "READ_RESPONSE_64K" -> SampleMessages.readResponse(SampleMessages.data(64 << 10));
            case "READ_RESPONSE_1M" -> SampleMessages.readResponse(SampleMessages.data(1 << 20));
            case "CREATE_RESPONSE" -> SampleMessages.createResponse(1 << 30);
            case "QUERY_DIRECTORY_RESPONSE_100" -> SampleMessages.queryDirectoryResponse(100);
            default -> null;
        };
        Smb2Header requestHeader = SampleMessages.requestHeader(request, 7, 1);
        body = response == null ? request : response;
        header = response == null ? requestHeader : SampleMessages.responseHeader(requestHeader);
        wire = Smb2Codec.encode(header, body);
        Smb2Codec.decode(wire); // fail in setup, not in the measurement
    }

    @Benchmark
    public byte[] encode() {
        return Smb2Codec.encode(header, body);
    }

    @Benchmark
    public Smb2Packet decode() throws Smb2DecodeException {
        return Smb2Codec.decode(wire);
    }

    @Benchmark
    public List<Smb2Packet> decodeAll() throws Smb2DecodeException {
        return Smb2Codec.decodeAll(wire);
    }
}
