package org.smbscope.codec.smb1;

import java.util.Arrays;
import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_TRANSACTION ([MS-CIFS] 2.2.4.33.1: named pipes such as {@code \PIPE\LANMAN} for RAP and
 * TransactNmPipe 0x0026 for DCE/RPC, and mailslots such as {@code \MAILSLOT\BROWSE}) and
 * SMB_COM_TRANSACTION2 ([MS-CIFS] 2.2.4.46.1, subcommand in setup[0], {@code name} empty) requests.
 * ParameterOffset/DataOffset are from the header start and must lie within the data block.
 * Continuations are {@link TransactionSecondaryRequest}s.
 */
public record TransactionRequest(Smb1Command command, String name, int totalParameterCount, int totalDataCount,
        int maxParameterCount, int maxDataCount, int maxSetupCount, int flags, long timeout, int[] setup,
        byte[] parameters, byte[] data) implements Smb1Message {
    public static final int TRANS_TRANSACT_NMPIPE = 0x0026;
    public static final int MAILSLOT_WRITE = 0x0001;

    public TransactionRequest {
        name = name == null ? "" : name;
        setup = setup.clone();
        parameters = parameters.clone();
        data = data.clone();
    }

    /** A single-message transaction (totals equal to this message's counts). */
    public static TransactionRequest of(Smb1Command command, String name, int maxParameterCount, int maxDataCount,
            int[] setup, byte[] parameters, byte[] data) {
        return new TransactionRequest(command, name, parameters.length, data.length, maxParameterCount, maxDataCount,
                0, 0, 0, setup, parameters, data);
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
        return false;
    }

    /** TRANSACTION2 subcommand (setup[0]) or -1. */
    public int subcommand() {
        return setup.length > 0 ? setup[0] : -1;
    }

    static TransactionRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() < 14) {
            throw p.failAt("WordCount", b.offset(), "transaction request WordCount " + b.wordCount() + " < 14");
        }
        int totalParam = p.u16le("TotalParameterCount");
        int totalData = p.u16le("TotalDataCount");
        int maxParam = p.u16le("MaxParameterCount");
        int maxData = p.u16le("MaxDataCount");
        int maxSetup = p.u8("MaxSetupCount");
        p.skip("Reserved1", 1);
        int flags = p.u16le("Flags");
        long timeout = p.u32le("Timeout");
        p.skip("Reserved2", 2);
        int paramCount = p.u16le("ParameterCount");
        int paramOffset = p.u16le("ParameterOffset");
        int dataCount = p.u16le("DataCount");
        int dataOffset = p.u16le("DataOffset");
        int setupCount = p.u8("SetupCount");
        p.skip("Reserved3", 1);
        if (b.wordCount() != 14 + setupCount) {
            throw p.failAt("SetupCount", b.offset() + 27, "SetupCount " + setupCount + " does not match WordCount "
                    + b.wordCount());
        }
        int[] setup = new int[setupCount];
        for (int i = 0; i < setupCount; i++) {
            setup[i] = p.u16le("Setup");
        }
        WireReader d = Smb1Strings.reader(b.data());
        String name = "";
        if (b.command().equals(Smb1Command.TRANSACTION)) {
            name = Smb1Strings.read(d, b.dataOffset(), h.flags2().unicode(), true, "Name");
        }
        byte[] params = section(d, b, "Parameters", paramOffset, paramCount);
        byte[] bytes = section(d, b, "Data", dataOffset, dataCount);
        return new TransactionRequest(b.command(), name, totalParam, totalData, maxParam, maxData, maxSetup, flags,
                timeout, setup, params, bytes);
    }

    /** A parameter or data section located by an offset from the header start, inside the data block. */
    static byte[] section(WireReader d, Smb1Block b, String field, int offset, int count) throws DecodeException {
        if (count == 0) {
            return new byte[0];
        }
        int rel = offset - b.dataOffset();
        if (rel < 0 || rel > b.data().length || count > b.data().length - rel) {
            throw d.failAt(field + "Offset", b.offset(), field + " offset " + offset + " count " + count
                    + " outside the data block [" + b.dataOffset() + ", " + (b.dataOffset() + b.data().length) + ")");
        }
        return d.slice(field, rel, count).rest();
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        int words = 14 + setup.length;
        int base = offset + 1 + words * 2 + 2;
        WireWriter d = new WireWriter();
        if (command.equals(Smb1Command.TRANSACTION)) {
            Smb1Strings.write(d, base, name, flags2.unicode(), true);
        } else {
            d.u8(0);
        }
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
        WireWriter p = new WireWriter().u16le(totalParameterCount).u16le(totalDataCount).u16le(maxParameterCount)
                .u16le(maxDataCount).u8(maxSetupCount).u8(0).u16le(flags).u32le(timeout).u16le(0)
                .u16le(parameters.length).u16le(paramOffset).u16le(data.length).u16le(dataOffset)
                .u8(setup.length).u8(0);
        for (int s : setup) {
            p.u16le(s);
        }
        return new Smb1Block(command, p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        HexFormat hex = HexFormat.of();
        Detail d = Detail.of((command.equals(Smb1Command.TRANSACTION) ? "Trans" : "Trans2") + " Request")
                .field("Word Count (WCT)", 14 + setup.length)
                .field("Total Parameter Count", totalParameterCount).field("Total Data Count", totalDataCount)
                .field("Max Parameter Count", maxParameterCount).field("Max Data Count", maxDataCount)
                .field("Max Setup Count", maxSetupCount).field("Flags", String.format("0x%04x", flags))
                .field("Timeout", timeout).field("Parameter Count", parameters.length)
                .field("Data Count", data.length).field("Setup Count", setup.length);
        for (int s : setup) {
            d.field("Setup", String.format("0x%04x", s));
        }
        if (command.equals(Smb1Command.TRANSACTION)) {
            d.field("Transaction Name", name);
        }
        return d.field("Parameters", hex.formatHex(parameters)).field("Data", data.length + " bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionRequest t && command.equals(t.command) && name.equals(t.name)
                && totalParameterCount == t.totalParameterCount && totalDataCount == t.totalDataCount
                && maxParameterCount == t.maxParameterCount && maxDataCount == t.maxDataCount
                && maxSetupCount == t.maxSetupCount && flags == t.flags && timeout == t.timeout
                && Arrays.equals(setup, t.setup) && Arrays.equals(parameters, t.parameters) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return command.hashCode() + name.hashCode() * 31 + Arrays.hashCode(parameters) + Arrays.hashCode(data) * 7;
    }
}
