package org.smbscope.codec.smb2;

import java.util.Objects;

import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.33 SMB2 QUERY_DIRECTORY Request. */
public record QueryDirectoryRequest(FileInformationClass infoClass, int flags, int fileIndex, FileId fileId,
        String pattern, int outputBufferLength) implements Smb2Request {
    static final int STRUCTURE_SIZE = 33;
    public static final int RESTART_SCANS = 0x01;
    public static final int RETURN_SINGLE_ENTRY = 0x02;
    public static final int INDEX_SPECIFIED = 0x04;
    public static final int REOPEN = 0x10;
    private static final Bits.Names FLAGS = Bits.names(1, "RESTART_SCANS", 2, "RETURN_SINGLE_ENTRY",
            4, "INDEX_SPECIFIED", 0x10, "REOPEN");

    public QueryDirectoryRequest {
        Objects.requireNonNull(infoClass);
        Objects.requireNonNull(fileId);
        Objects.requireNonNull(pattern);
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.QUERY_DIRECTORY;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u8(infoClass.value()).u8(flags).u32le(fileIndex & 0xFFFFFFFFL);
        fileId.write(w);
        int at = w.size();
        w.u16le(0).u16le(pattern.length() * 2).u32le(outputBufferLength & 0xFFFFFFFFL);
        w.patchU16le(at, w.size() - headerStart);
        w.utf16le(pattern);
        if (pattern.isEmpty()) {
            w.u8(0);
        }
    }

    static QueryDirectoryRequest read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        FileInformationClass cls = new FileInformationClass(r.u8("FileInformationClass"));
        int flags = r.u8("Flags");
        int index = r.i32le("FileIndex");
        FileId id = b.fileId();
        int offset = r.u16le("FileNameOffset");
        int length = r.u16le("FileNameLength");
        int outLength = r.i32le("OutputBufferLength");
        return new QueryDirectoryRequest(cls, flags, index, id, b.utf16("FileName", offset, length), outLength);
    }

    @Override
    public Detail detail() {
        return Detail.of("Find Request (0x0e)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Info Level", infoClass)
                .field("Find Flags", FLAGS.flags(flags, "0x%02x"))
                .field("File Index", Integer.toUnsignedString(fileIndex))
                .field("File Id", fileId)
                .field("Search Pattern", pattern)
                .field("Output Buffer Length", Integer.toUnsignedString(outputBufferLength));
    }
}
