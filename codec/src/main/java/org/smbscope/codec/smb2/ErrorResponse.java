package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.2 SMB2 ERROR Response: sent with a failure status (and for an interim
 * STATUS_PENDING). {@code errorData} holds the 3.1.1 error contexts (2.2.2.1) when
 * {@code errorContextCount} is not 0, else command-specific data (e.g. a symbolic link error).
 */
public record ErrorResponse(Smb2Command command, int errorContextCount, byte[] errorData) implements Smb2Response {
    static final int STRUCTURE_SIZE = 9;

    /** One SMB2 ERROR Context (2.2.2.1). */
    public record Context(int errorId, byte[] data) {
        public Context {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    public ErrorResponse {
        java.util.Objects.requireNonNull(command);
        errorData = errorData.clone();
    }

    public static ErrorResponse empty(Smb2Command command) {
        return new ErrorResponse(command, 0, new byte[0]);
    }

    @Override
    public byte[] errorData() {
        return errorData.clone();
    }

    /** The error contexts, when {@code errorContextCount} > 0. */
    public List<Context> contexts() throws Smb2DecodeException {
        List<Context> list = new ArrayList<>();
        WireReader r = WireReader.of(errorData, Smb2DecodeException::new);
        try {
            for (int i = 0; i < errorContextCount; i++) {
                r.align("ErrorContext padding", 8);
                long length = r.u32le("ErrorDataLength");
                int id = r.i32le("ErrorId");
                list.add(new Context(id, r.window("ErrorContextData", Body.checkedInt(r, "ErrorDataLength", length))
                        .rest()));
            }
        } catch (Smb2DecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new Smb2DecodeException(e.field(), e.offset(), e.detail());
        }
        return list;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(errorContextCount).u8(0).u32le(errorData.length);
        w.bytes(errorData);
        if (errorData.length == 0) {
            w.u8(0);
        }
    }

    static ErrorResponse read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        int count = r.u8("ErrorContextCount");
        r.skip("Reserved", 1);
        long byteCount = r.u32le("ByteCount");
        byte[] data;
        if (byteCount == 0) {
            data = new byte[0];
            if (r.hasRemaining()) {
                r.skip("ErrorData", 1);
            }
        } else {
            data = r.bytes("ErrorData", Body.checkedInt(r, "ByteCount", byteCount));
        }
        return new ErrorResponse(b.header.command(), count, data);
    }

    @Override
    public Detail detail() {
        return Detail.of("Error Response (" + command.name() + ")")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Error Context Count", errorContextCount)
                .field("Byte Count", errorData.length)
                .field("Error Data", Bits.preview(errorData));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorResponse x && command.equals(x.command) && errorContextCount == x.errorContextCount
                && Arrays.equals(errorData, x.errorData);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + Arrays.hashCode(errorData);
    }

    @Override
    public String toString() {
        return "ErrorResponse[" + command.name() + ", contexts=" + errorContextCount + ", " + errorData.length
                + " bytes]";
    }
}
