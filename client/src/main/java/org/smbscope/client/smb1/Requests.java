package org.smbscope.client.smb1;

import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;

/** Request headers as this client sends them ([MS-CIFS] 2.2.3.1): case-insensitive, Unicode, NT status, long names. */
final class Requests {
    private Requests() {
    }

    static Smb1Header header(Smb1Command command, boolean extendedSecurity, int tid, int pid, int uid, int mid) {
        int f2 = Smb1Flags2.LONG_NAMES | Smb1Flags2.IS_LONG_NAME | Smb1Flags2.NT_STATUS | Smb1Flags2.UNICODE;
        if (extendedSecurity) {
            f2 |= Smb1Flags2.EXTENDED_SECURITY;
        }
        return Smb1Header.request(command, new Smb1Flags(Smb1Flags.CASE_INSENSITIVE | Smb1Flags.CANONICALIZED_PATHS),
                new Smb1Flags2(f2), tid, pid, uid, mid);
    }
}
