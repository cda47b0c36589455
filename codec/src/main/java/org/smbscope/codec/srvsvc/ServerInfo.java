package org.smbscope.codec.srvsvc;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.wire.Detail;

/**
 * SERVER_INFO_100 / SERVER_INFO_101 ([MS-SRVS] 2.2.4.40, 2.2.4.41): platform id (500 = NT),
 * name, version, SV_TYPE_* flags ([MS-SRVS] 2.2.2.7) and comment; level 100 carries only the
 * first two.
 */
public record ServerInfo(int level, long platformId, String name, long versionMajor, long versionMinor, long type,
                         String comment) {
    private static final String[] SV_TYPES = {"WORKSTATION", "SERVER", "SQLSERVER", "DOMAIN_CTRL", "DOMAIN_BAKCTRL",
        "TIME_SOURCE", "AFP", "NOVELL", "DOMAIN_MEMBER", "PRINTQ_SERVER", "DIALIN_SERVER", "SERVER_UNIX", "NT", "WFW",
        "SERVER_MFPN", "SERVER_NT", "POTENTIAL_BROWSER", "BACKUP_BROWSER", "MASTER_BROWSER", "DOMAIN_MASTER",
        "SERVER_OSF", "SERVER_VMS", "WINDOWS", "DFS", "CLUSTER_NT", "TERMINALSERVER", "CLUSTER_VS_NT", "0x08000000",
        "DCE", "ALTERNATE_XPORT", "LOCAL_LIST_ONLY", "DOMAIN_ENUM"};

    /** The SV_TYPE_* names of the set bits, lowest first. */
    public List<String> typeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if ((type & (1L << i)) != 0) {
                names.add("SV_TYPE_" + SV_TYPES[i]);
            }
        }
        return names;
    }

    public String platformName() {
        return switch ((int) platformId) {
            case 300 -> "DOS";
            case 400 -> "OS2";
            case 500 -> "NT";
            case 600 -> "OSF";
            case 700 -> "VMS";
            default -> "UNKNOWN(" + platformId + ")";
        };
    }

    Detail detail() {
        Detail d = Detail.of("SERVER_INFO_" + level).field("Platform Id", platformName() + " (" + platformId + ")")
                .field("Server Name", name);
        if (level == 101) {
            d.field("Version Major", versionMajor).field("Version Minor", versionMinor)
                    .field("Server Type", String.format("0x%08x %s", type, typeNames())).field("Comment", comment);
        }
        return d;
    }
}
