package org.smbscope.codec.smb1;

import java.util.Arrays;
import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_NT_TRANSACT request or response, minimal: function, setup words, parameters and data kept
 * opaque. [MS-CIFS] 2.2.4.62.1 (request, WordCount 19 + SetupCount) and 2.2.4.62.2 (response, 18 +
 * SetupCount). Offsets are from the header start and must lie within the data block; counts are
 * 32-bit on the wire. Secondary requests are not modelled. {@code function} is 0 in responses.
 */
public record NtTransactMessage(boolean isResponse, int function, long totalParameterCount, long totalDataCount,
        long maxParameterCount, long maxDataCount, int maxSetupCount, int[] setup, byte[] parameters, byte[] data)
        implements Smb1Message {
    public NtTransactMessage {
        setup = setup.clone();
        parameters = parameters.clone();
        data = data.clone();
    }

    @Override
    public int[] setup() {
        return setup.clone();
    }

    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.NT_TRANSACT;
    }

    static NtTransactMessage decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        WireReader d = Smb1Strings.reader(b.data());
        boolean reply = h.isReply();
        if (b.wordCount() < (reply ? 18 : 19)) {
            throw p.failAt("WordCount", b.offset(), "NT_TRANSACT WordCount " + b.wordCount() + " too small");
        }
        int maxSetup = 0;
        long maxParam = 0;
        long maxData = 0;
        if (!reply) {
            maxSetup = p.u8("MaxSetupCount");
            p.skip("Reserved1", 2);
        } else {
            p.skip("Reserved1", 3);
        }
        long totalParam = p.u32le("TotalParameterCount");
        long totalData = p.u32le("TotalDataCount");
        if (!reply) {
            maxParam = p.u32le("MaxParameterCount");
            maxData = p.u32le("MaxDataCount");
        }
        long paramCount = p.u32le("ParameterCount");
        long paramOffset = p.u32le("ParameterOffset");
        if (reply) {
            p.skip("ParameterDisplacement", 4);
        }
        long dataCount = p.u32le("DataCount");
        long dataOffset = p.u32le("DataOffset");
        if (reply) {
            p.skip("DataDisplacement", 4);
        }
        int setupCount = p.u8("SetupCount");
        int function = reply ? 0 : p.u16le("Function");
        if (b.wordCount() != (reply ? 18 : 19) + setupCount) {
            throw p.failAt("SetupCount", b.offset(), "SetupCount " + setupCount + " does not match WordCount " + b.wordCount());
        }
        int[] setup = new int[setupCount];
        for (int i = 0; i < setupCount; i++) {
            setup[i] = p.u16le("Setup");
        }
        if (paramCount > 0xFFFF || dataCount > 0xFFFF || paramOffset > 0xFFFF || dataOffset > 0xFFFF) {
            throw d.fail("ParameterCount", "NT_TRANSACT section larger than the data block");
        }
        byte[] params = TransactionRequest.section(d, b, "Parameters", (int) paramOffset, (int) paramCount);
        byte[] bytes = TransactionRequest.section(d, b, "Data", (int) dataOffset, (int) dataCount);
        return new NtTransactMessage(reply, function, totalParam, totalData, maxParam, maxData, maxSetup, setup,
                params, bytes);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        int words = (isResponse ? 18 : 19) + setup.length;
        int base = offset + 1 + words * 2 + 2;
        WireWriter d = new WireWriter();
        while (((base + d.size()) & 3) != 0) {
            d.u8(0);
        }
        int paramOffset = base + d.size();
        d.bytes(parameters);
        while (((base + d.size()) & 3) != 0) {
            d.u8(0);
        }
        int dataOffset = base + d.size();
        d.bytes(data);
        WireWriter p = new WireWriter();
        if (isResponse) {
            p.zeros(3).u32le(totalParameterCount).u32le(totalDataCount).u32le(parameters.length).u32le(paramOffset)
                    .u32le(0).u32le(data.length).u32le(dataOffset).u32le(0).u8(setup.length);
        } else {
            p.u8(maxSetupCount).u16le(0).u32le(totalParameterCount).u32le(totalDataCount).u32le(maxParameterCount)
                    .u32le(maxDataCount).u32le(parameters.length).u32le(paramOffset).u32le(data.length)
                    .u32le(dataOffset).u8(setup.length).u16le(function);
        }
        for (int s : setup) {
            p.u16le(s);
        }
        if ((p.size() & 1) != 0) {
            p.u8(0);
        }
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("NT Trans " + (isResponse ? "Response" : "Request"))
                .field("Function", function).field("Total Parameter Count", totalParameterCount)
                .field("Total Data Count", totalDataCount).field("Setup Count", setup.length)
                .field("Parameters", HexFormat.of().formatHex(parameters)).field("Data", data.length + " bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtTransactMessage n && isResponse == n.isResponse && function == n.function
                && totalParameterCount == n.totalParameterCount && totalDataCount == n.totalDataCount
                && maxParameterCount == n.maxParameterCount && maxDataCount == n.maxDataCount
                && maxSetupCount == n.maxSetupCount && Arrays.equals(setup, n.setup)
                && Arrays.equals(parameters, n.parameters) && Arrays.equals(data, n.data);
    }

    @Override
    public int hashCode() {
        return function + Arrays.hashCode(parameters) + 7 * Arrays.hashCode(data);
    }
}
