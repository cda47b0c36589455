package org.smbscope.codec.smb1;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_TRANSACTION_SECONDARY ([MS-CIFS] 2.2.4.34.1, WordCount 8) and
 * SMB_COM_TRANSACTION2_SECONDARY (2.2.4.47.1, WordCount 9, with a FID): the continuation of a
 * transaction request whose parameters or data did not fit the primary. Each piece says where it
 * goes (ParameterDisplacement / DataDisplacement) and the totals; the offsets are from the header
 * start and must lie inside the data block. The server does not answer a secondary request.
 */
public record TransactionSecondaryRequest(Smb1Command command, int totalParameterCount, int totalDataCount,
        int parameterDisplacement, int dataDisplacement, int fid, byte[] parameters, byte[] data)
        implements Smb1Message {
    public TransactionSecondaryRequest {
        if (!command.equals(Smb1Command.TRANSACTION_SECONDARY) && !command.equals(Smb1Command.TRANSACTION2_SECONDARY)) {
            throw new IllegalArgumentException("not a secondary transaction command: " + command);
        }
        parameters = parameters.clone();
        data = data.clone();
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
        return false;
    }

    private boolean trans2() {
        return command.equals(Smb1Command.TRANSACTION2_SECONDARY);
    }

    static TransactionSecondaryRequest decode(Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        boolean t2 = b.command().equals(Smb1Command.TRANSACTION2_SECONDARY);
        int expected = t2 ? 9 : 8;
        if (b.wordCount() != expected) {
            throw p.failAt("WordCount", b.offset(), b.command().name() + " WordCount " + b.wordCount() + ", expected " + expected);
        }
        int totalParam = p.u16le("TotalParameterCount");
        int totalData = p.u16le("TotalDataCount");
        int paramCount = p.u16le("ParameterCount");
        int paramOffset = p.u16le("ParameterOffset");
        int paramDisp = p.u16le("ParameterDisplacement");
        int dataCount = p.u16le("DataCount");
        int dataOffset = p.u16le("DataOffset");
        int dataDisp = p.u16le("DataDisplacement");
        int fid = t2 ? p.u16le("FID") : 0;
        if (paramDisp + paramCount > totalParam) {
            throw p.failAt("ParameterDisplacement", b.offset() + 9, "parameters " + paramDisp + "+" + paramCount
                    + " past TotalParameterCount " + totalParam);
        }
        if (dataDisp + dataCount > totalData) {
            throw p.failAt("DataDisplacement", b.offset() + 15, "data " + dataDisp + "+" + dataCount
                    + " past TotalDataCount " + totalData);
        }
        WireReader d = Smb1Strings.reader(b.data());
        byte[] params = TransactionRequest.section(d, b, "Parameters", paramOffset, paramCount);
        byte[] bytes = TransactionRequest.section(d, b, "Data", dataOffset, dataCount);
        return new TransactionSecondaryRequest(b.command(), totalParam, totalData, paramDisp, dataDisp, fid, params, bytes);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        int words = trans2() ? 9 : 8;
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
        WireWriter p = new WireWriter().u16le(totalParameterCount).u16le(totalDataCount).u16le(parameters.length)
                .u16le(parameters.length == 0 ? 0 : paramOffset).u16le(parameterDisplacement).u16le(data.length)
                .u16le(data.length == 0 ? 0 : dataOffset).u16le(dataDisplacement);
        if (trans2()) {
            p.u16le(fid);
        }
        return new Smb1Block(command, p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of((trans2() ? "Trans2" : "Trans") + " Secondary Request")
                .field("Word Count (WCT)", trans2() ? 9 : 8)
                .field("Total Parameter Count", totalParameterCount).field("Total Data Count", totalDataCount)
                .field("Parameter Count", parameters.length).field("Parameter Displacement", parameterDisplacement)
                .field("Data Count", data.length).field("Data Displacement", dataDisplacement);
        if (trans2()) {
            d.field("FID", String.format("0x%04x", fid));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionSecondaryRequest t && command.equals(t.command)
                && totalParameterCount == t.totalParameterCount && totalDataCount == t.totalDataCount
                && parameterDisplacement == t.parameterDisplacement && dataDisplacement == t.dataDisplacement
                && fid == t.fid && Arrays.equals(parameters, t.parameters) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return command.hashCode() + Arrays.hashCode(parameters) * 31 + Arrays.hashCode(data) + dataDisplacement;
    }
}
