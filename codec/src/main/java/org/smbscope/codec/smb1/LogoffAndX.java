package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;

/** SMB_COM_LOGOFF_ANDX request or response (AndX header only). [MS-CIFS] 2.2.4.54. */
public record LogoffAndX(boolean isResponse) implements Smb1Message {
    @Override
    public Smb1Command command() {
        return Smb1Command.LOGOFF_ANDX;
    }

    static LogoffAndX decode(Smb1Header h, Smb1Block b) throws DecodeException {
        if (b.wordCount() != 2) {
            WireReader p = Smb1Strings.reader(b.words());
            throw p.failAt("WordCount", b.offset(), "LOGOFF_ANDX WordCount " + b.wordCount() + ", expected 2");
        }
        return new LogoffAndX(h.isReply());
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        return new Smb1Block(command(), new byte[] {(byte) 0xFF, 0, 0, 0}, new byte[0], offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Logoff AndX " + (isResponse ? "Response" : "Request")).field("Word Count (WCT)", 2);
    }
}
