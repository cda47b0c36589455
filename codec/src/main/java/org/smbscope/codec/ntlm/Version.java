package org.smbscope.codec.ntlm;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * The VERSION structure, [MS-NLMP] 2.2.2.10: the product version of the sender and the NTLM
 * revision (15 = NTLMSSP_REVISION_W2K3). Only for debugging; Samba sends a fixed 6.1.
 */
public record Version(int major, int minor, int build, int ntlmRevision) {
    public static final int NTLMSSP_REVISION_W2K3 = 0x0f;
    /** What this implementation sends: Windows 10/Server 2016 era, revision 15. */
    public static final Version DEFAULT = new Version(10, 0, 20348, NTLMSSP_REVISION_W2K3);

    static Version read(WireReader r) throws DecodeException {
        int major = r.u8("ProductMajorVersion");
        int minor = r.u8("ProductMinorVersion");
        int build = r.u16le("ProductBuild");
        r.skip("Reserved", 3);
        int rev = r.u8("NTLMRevisionCurrent");
        return new Version(major, minor, build, rev);
    }

    void write(WireWriter w) {
        w.u8(major).u8(minor).u16le(build).zeros(3).u8(ntlmRevision);
    }

    /** The Windows release this version number belongs to, where known. */
    public String windowsName() {
        if (major == 10 && minor == 0) {
            if (build >= 26100) {
                return "Windows 11 24H2 / Windows Server 2025";
            }
            if (build >= 22000) {
                return "Windows 11";
            }
            if (build == 20348) {
                return "Windows Server 2022";
            }
            if (build == 17763) {
                return "Windows 10 1809 / Windows Server 2019";
            }
            if (build == 14393) {
                return "Windows 10 1607 / Windows Server 2016";
            }
            return "Windows 10 / Windows Server 2016 or later";
        }
        return switch (major * 10 + minor) {
            case 63 -> "Windows 8.1 / Windows Server 2012 R2";
            case 62 -> "Windows 8 / Windows Server 2012";
            case 61 -> "Windows 7 / Windows Server 2008 R2";
            case 60 -> "Windows Vista / Windows Server 2008";
            case 52 -> "Windows XP x64 / Windows Server 2003";
            case 51 -> "Windows XP";
            case 50 -> "Windows 2000";
            default -> "unknown";
        };
    }

    @Override
    public String toString() {
        return major + "." + minor + " (Build " + build + "); NTLM Current Revision " + ntlmRevision
                + " (" + windowsName() + ")";
    }
}
