package org.smbscope.codec.smb1;

import java.util.Arrays;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_COM_SESSION_SETUP_ANDX response: NT LM 0.12 form ([MS-CIFS] 2.2.4.53.2, WordCount 3) or
 * extended security ([MS-SMB] 2.2.4.6.2, WordCount 4 with SecurityBlob). Action bit 0 = logged on as guest.
 * {@code securityBlob} is null for the non-extended form.
 */
public record SessionSetupAndXResponse(int action, byte[] securityBlob, String nativeOs, String nativeLanMan,
        String primaryDomain) implements Smb1Message {
    public static final int ACTION_GUEST = 0x0001;

    public SessionSetupAndXResponse {
        securityBlob = securityBlob == null ? null : securityBlob.clone();
        nativeOs = nativeOs == null ? "" : nativeOs;
        nativeLanMan = nativeLanMan == null ? "" : nativeLanMan;
        primaryDomain = primaryDomain == null ? "" : primaryDomain;
    }

    public boolean guest() {
        return (action & ACTION_GUEST) != 0;
    }

    public boolean isExtended() {
        return securityBlob != null;
    }

    @Override
    public byte[] securityBlob() {
        return securityBlob == null ? null : securityBlob.clone();
    }

    @Override
    public Smb1Command command() {
        return Smb1Command.SESSION_SETUP_ANDX;
    }

    @Override
    public boolean isResponse() {
        return true;
    }

    static SessionSetupAndXResponse decode(Smb1Header h, Smb1Block b) throws DecodeException {
        WireReader p = Smb1Strings.reader(b.words());
        if (b.wordCount() != 3 && b.wordCount() != 4) {
            throw p.failAt("WordCount", b.offset(), "SESSION_SETUP_ANDX response WordCount " + b.wordCount()
                    + ", expected 3 or 4");
        }
        p.skip("AndX", 4);
        int action = p.u16le("Action");
        WireReader d = Smb1Strings.reader(b.data());
        byte[] blob = null;
        if (b.wordCount() == 4) {
            blob = d.bytes("SecurityBlob", p.u16le("SecurityBlobLength"));
        }
        boolean uni = h.flags2().unicode();
        String os = Smb1Strings.read(d, b.dataOffset(), uni, true, "NativeOS");
        String lm = Smb1Strings.read(d, b.dataOffset(), uni, true, "NativeLanMan");
        String dom = Smb1Strings.read(d, b.dataOffset(), uni, true, "PrimaryDomain");
        return new SessionSetupAndXResponse(action, blob, os, lm, dom);
    }

    @Override
    public Smb1Block encode(int offset, Smb1Flags2 flags2) {
        WireWriter p = new WireWriter();
        p.u32le(0xFF).u16le(action);
        if (isExtended()) {
            p.u16le(securityBlob.length);
        }
        int base = offset + 1 + p.size() + 2;
        WireWriter d = new WireWriter();
        if (isExtended()) {
            d.bytes(securityBlob);
        }
        Smb1Strings.write(d, base, nativeOs, flags2.unicode(), true);
        Smb1Strings.write(d, base, nativeLanMan, flags2.unicode(), true);
        Smb1Strings.write(d, base, primaryDomain, flags2.unicode(), true);
        return new Smb1Block(command(), p.toByteArray(), d.toByteArray(), offset);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("Session Setup AndX Response").field("Word Count (WCT)", isExtended() ? 4 : 3)
                .field("Action", String.format("0x%04x", action) + (guest() ? ", Logged in as GUEST" : ""));
        if (isExtended()) {
            d.field("Security Blob Length", securityBlob.length);
        }
        return d.field("Native OS", nativeOs).field("Native LAN Manager", nativeLanMan)
                .field("Primary Domain", primaryDomain);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionSetupAndXResponse r && action == r.action && Arrays.equals(securityBlob, r.securityBlob)
                && nativeOs.equals(r.nativeOs) && nativeLanMan.equals(r.nativeLanMan) && primaryDomain.equals(r.primaryDomain);
    }

    @Override
    public int hashCode() {
        return action * 31 + Arrays.hashCode(securityBlob) + nativeOs.hashCode();
    }
}
