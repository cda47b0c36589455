package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** SMB_COM_NEGOTIATE request: 0x02-prefixed dialect strings. [MS-CIFS] 2.2.4.52.1. */
public record NegotiateRequest(List<String> dialects) implements Smb1Message {
    public static final String PC_NETWORK_PROGRAM = "PC NETWORK PROGRAM 1.0";
    public static final String LANMAN1_0 = "LANMAN1.0";
    public static final String WFW_3_1A = "Windows for Workgroups 3.1a";
    public static final String LM1_2X002 = "LM1.2X002";
    public static final String LANMAN2_1 = "LANMAN2.1";
    public static final String NT_LM_0_12 = "NT LM 0.12";
    public static final String SMB_2_002 = "SMB 2.002";
    public static final String SMB_2_WILDCARD = "SMB 2.???";

    public NegotiateRequest {
        dialects = List.copyOf(dialects);
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.NEGOTIATE;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static NegotiateRequest decode(Smb1Block b) throws DecodeException {
        WireReader r = Smb1Strings.reader(b.data());
        if (b.wordCount() != 0) {
            throw r.failAt("WordCount", b.offset(), "NEGOTIATE request WordCount " + b.wordCount() + ", expected 0");
        }
        List<String> d = new ArrayList<>();
        while (r.hasRemaining()) {
            int fmt = r.u8("BufferFormat");
            if (fmt != 0x02) {
                throw r.fail("BufferFormat", String.format("dialect buffer format 0x%02x, expected 0x02", fmt));
            }
            d.add(Smb1Strings.readOem(r, "DialectString"));
        }
        return new NegotiateRequest(d);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter w = new WireWriter();
        for (String s : dialects) {
            w.u8(0x02);
            Smb1Strings.writeOem(w, s);
        }
        return new Smb1Block(command(), new byte[0], w.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Negotiate Protocol Request").field("Word Count (WCT)", 0);
        Detail list = Detail.of("Requested Dialects");
        for (String s : dialects) {
            list.child(Detail.of("Dialect: " + s).field("Buffer Format", "Dialect (2)").field("Name", s));
        }
        return d.child(list);
    }
}
