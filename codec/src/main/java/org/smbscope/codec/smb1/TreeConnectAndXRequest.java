package org.smbscope.codec.smb1;

import java.util.Arrays;

import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_TREE_CONNECT_ANDX request. [MS-CIFS] 2.2.4.55.1, [MS-SMB] 2.2.4.7.1: Flags, Password,
 * Path (\\SERVER\SHARE), Service ("?????", "A:", "IPC", always OEM).
 */
public record TreeConnectAndXRequest(int flags, byte[] password, String path, String service) implements Smb1Message {
    public static final int DISCONNECT_TID = 0x0001;
    public static final int EXTENDED_SIGNATURES = 0x0004;
    public static final int EXTENDED_RESPONSE = 0x0008;
    public static final String ANY_SERVICE = "?????";

    public TreeConnectAndXRequest {
        password = password == null ? new byte[0] : password.clone();
    }

    @Override
    public byte[] password() {
        return password.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.TREE_CONNECT_ANDX;
    }

    @Override
    public boolean isResponse() {
        return false;
    }

    static TreeConnectAndXRequest decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 4) {
            throw p.failAt("WordCount", b.offset(), "TREE_CONNECT_ANDX request WordCount " + b.wordCount() + ", expected 4");
        }
        p.skip("AndX", 4);
        int flags = p.u16le("Flags");
        int pwLen = p.u16le("PasswordLength");
        WireReader d = Smb1Strings.reader(b.data());
        byte[] pw = d.bytes("Password", pwLen);
        String path = Smb1Strings.read(d, b.dataOffset(), h.flags2().unicode(), true, "Path");
        String service = Smb1Strings.readOem(d, "Service");
        return new TreeConnectAndXRequest(flags, pw, path, service);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter().u32le(0xFF).u16le(flags).u16le(password.length);
        int base = offset + 1 + p.size() + 2;
        WireWriter d = new WireWriter().bytes(password);
        Smb1Strings.write(d, base, path, flags2.unicode(), true);
        Smb1Strings.writeOem(d, service);
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        return Detail.of("Tree Connect AndX Request").field("Word Count (WCT)", 4)
                .field("Flags", String.format("0x%04x", flags))
                .field("Password Length", password.length)
                .field("Password", HexFormat.of().formatHex(password))
                .field("Path", path).field("Service", service);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeConnectAndXRequest r && flags == r.flags && Arrays.equals(password, r.password)
                && java.util.Objects.equals(path, r.path) && java.util.Objects.equals(service, r.service);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(password) + java.util.Objects.hashCode(path);
    }
}
