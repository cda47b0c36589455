package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Requests naming paths with BufferFormat 0x04: SMB_COM_DELETE ([MS-CIFS] 2.2.4.7.1, SearchAttributes + FileName),
 * SMB_COM_RENAME (2.2.4.8.1, SearchAttributes + OldFileName + NewFileName), SMB_COM_CREATE_DIRECTORY
 * (2.2.4.1.1) and SMB_COM_DELETE_DIRECTORY (2.2.4.2.1) (no words). {@code newPath} is "" except for RENAME.
 */
public record PathRequest(Smb1Command command, int searchAttributes, String path, String newPath)
        implements Smb1Message {
    static final int ASCII_FORMAT = 0x04;

    public PathRequest {
        newPath = newPath == null ? "" : newPath;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    private boolean hasAttributes() {
        return command.equals(Smb1Command.DELETE) || command.equals(Smb1Command.RENAME);
    }

    static PathRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        boolean attrs = b.command().equals(Smb1Command.DELETE) || b.command().equals(Smb1Command.RENAME);
        if (b.wordCount() != (attrs ? 1 : 0)) {
            throw p.failAt("WordCount", b.offset(), b.command().name() + " request WordCount " + b.wordCount());
        }
        int sa = attrs ? p.u16le("SearchAttributes") : 0;
        WireReader d = Smb1Strings.reader(b.data());
        boolean uni = h.flags2().unicode();
        format(d);
        String path = Smb1Strings.read(d, b.dataOffset(), uni, true, "FileName");
        String newPath = "";
        if (b.command().equals(Smb1Command.RENAME)) {
            format(d);
            newPath = Smb1Strings.read(d, b.dataOffset(), uni, true, "NewFileName");
        }
        return new PathRequest(b.command(), sa, path, newPath);
    }

    private static void format(WireReader d) throws DecodeException {
        int f = d.u8("BufferFormat");
        if (f != ASCII_FORMAT) {
            throw d.fail("BufferFormat", String.format("buffer format 0x%02x, expected 0x04", f));
        }
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter();
        if (hasAttributes()) {
            p.u16le(searchAttributes);
        }
        int base = offset + 1 + p.size() + 2;
        WireWriter d = new WireWriter().u8(ASCII_FORMAT);
        Smb1Strings.write(d, base, path, flags2.unicode(), true);
        if (command.equals(Smb1Command.RENAME)) {
            d.u8(ASCII_FORMAT);
            Smb1Strings.write(d, base, newPath, flags2.unicode(), true);
        }
        return new Smb1Block(command, p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of(command.name() + " Request");
        if (hasAttributes()) {
            d.field("Search Attributes", String.format("0x%04x", searchAttributes));
        }
        d.field(command.equals(Smb1Command.RENAME) ? "Old File Name" : "File Name", path);
        if (command.equals(Smb1Command.RENAME)) {
            d.field("New File Name", newPath);
        }
        return d;
    }
}
