package org.smbscope.codec.smb1;

import java.util.Arrays;
import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_TRANSACTION / SMB_COM_TRANSACTION2 response. [MS-CIFS] 2.2.4.33.2 and 2.2.4.46.2.
 * Offsets are from the header start and must lie within the data block.
 */
public record TransactionResponse(Smb1Command command, int totalParameterCount, int totalDataCount,
        int parameterDisplacement, int dataDisplacement, int[] setup, byte[] parameters, byte[] data)
        implements Smb1Message {
    public TransactionResponse {
        setup = setup.clone();
        parameters = parameters.clone();
        data = data.clone();
    }

    public static TransactionResponse of(Smb1Command command, byte[] parameters, byte[] data) {
        return new TransactionResponse(command, parameters.length, data.length, 0, 0, new int[0], parameters, data);
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
    public boolean isResponse() {
        return true;
    }

    static TransactionResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() < 10) {
            throw p.failAt("WordCount", b.offset(), "transaction response WordCount " + b.wordCount() + " < 10");
        }
        int totalParam = p.u16le("TotalParameterCount");
        int totalData = p.u16le("TotalDataCount");
        p.skip("Reserved1", 2);
        int paramCount = p.u16le("ParameterCount");
        int paramOffset = p.u16le("ParameterOffset");
        int paramDisp = p.u16le("ParameterDisplacement");
        int dataCount = p.u16le("DataCount");
        int dataOffset = p.u16le("DataOffset");
        int dataDisp = p.u16le("DataDisplacement");
        int setupCount = p.u8("SetupCount");
        p.skip("Reserved2", 1);
        if (b.wordCount() != 10 + setupCount) {
            throw p.failAt("SetupCount", b.offset() + 19, "SetupCount " + setupCount + " does not match WordCount "
                    + b.wordCount());
        }
        int[] setup = new int[setupCount];
        for (int i = 0; i < setupCount; i++) {
            setup[i] = p.u16le("Setup");
        }
        WireReader d = Smb1Strings.reader(b.data());
        byte[] params = TransactionRequest.section(d, b, "Parameters", paramOffset, paramCount);
        byte[] bytes = TransactionRequest.section(d, b, "Data", dataOffset, dataCount);
        return new TransactionResponse(b.command(), totalParam, totalData, paramDisp, dataDisp, setup, params, bytes);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        int words = 10 + setup.length;
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
        WireWriter p = new WireWriter().u16le(totalParameterCount).u16le(totalDataCount).u16le(0)
                .u16le(parameters.length).u16le(paramOffset).u16le(parameterDisplacement)
                .u16le(data.length).u16le(dataOffset).u16le(dataDisplacement).u8(setup.length).u8(0);
        for (int s : setup) {
            p.u16le(s);
        }
        return new Smb1Block(command, p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        return Detail.of((command.equals(Smb1Command.TRANSACTION) ? "Trans" : "Trans2") + " Response")
                .field("Word Count (WCT)", 10 + setup.length)
                .field("Total Parameter Count", totalParameterCount).field("Total Data Count", totalDataCount)
                .field("Parameter Count", parameters.length).field("Parameter Displacement", parameterDisplacement)
                .field("Data Count", data.length).field("Data Displacement", dataDisplacement)
                .field("Setup Count", setup.length)
                .field("Parameters", HexFormat.of().formatHex(parameters)).field("Data", data.length + " bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionResponse t && command.equals(t.command)
                && totalParameterCount == t.totalParameterCount && totalDataCount == t.totalDataCount
                && parameterDisplacement == t.parameterDisplacement && dataDisplacement == t.dataDisplacement
                && Arrays.equals(setup, t.setup) && Arrays.equals(parameters, t.parameters) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return command.hashCode() + Arrays.hashCode(parameters) + Arrays.hashCode(data) * 7;
    }
}
