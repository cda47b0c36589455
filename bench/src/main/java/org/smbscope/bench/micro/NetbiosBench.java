package org.smbscope.bench.micro;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
import org.smbscope.codec.netbios.MacAddress;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeName;

/** NetBIOS name service packets (RFC 1002 4.2): encode and decode of the common requests and answers. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetbiosBench {
    @Param({"NAME_QUERY", "POSITIVE_RESPONSE", "NODE_STATUS_REQUEST", "NODE_STATUS_RESPONSE"})
    public String packet;

    private NameServicePacket message;
    private byte[] wire;

    @Setup
    public void setup() throws UnknownHostException, NetbiosDecodeException {
        NetbiosName server = NetbiosName.of("LAB10", 0x20);
        Inet4Address addr = (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, 10});
        message = switch (packet) {
            case "NAME_QUERY" -> NameServicePackets.query(0x1234, server);
            case "POSITIVE_RESPONSE" -> NameServicePackets.positiveResponse(0x1234, server, NameServicePackets.DEFAULT_TTL,
                    List.of(NbAddress.unique(addr)));
            case "NODE_STATUS_REQUEST" -> NameServicePackets.nodeStatusRequest(0x1234, NetbiosName.wildcard());
            case "NODE_STATUS_RESPONSE" -> NameServicePackets.nodeStatusResponse(0x1234, NetbiosName.wildcard(), List.of(
                    NodeName.unique(NetbiosName.of("LAB10", 0x00)), NodeName.unique(NetbiosName.of("LAB10", 0x03)),
                    NodeName.unique(NetbiosName.of("LAB10", 0x20)), NodeName.group(NetbiosName.of("LABGRP", 0x00)),
                    NodeName.unique(NetbiosName.of("LABGRP", 0x1d)), NodeName.group(NetbiosName.of("LABGRP", 0x1e))),
                    MacAddress.ZERO);
            default -> throw new IllegalArgumentException(packet);
        };
        wire = message.encode();
        NameServicePacket.decode(wire);
    }

    @Benchmark
    public byte[] encode() {
        return message.encode();
    }

    @Benchmark
    public NameServicePacket decode() throws NetbiosDecodeException {
        return NameServicePacket.decode(wire);
    }
}
