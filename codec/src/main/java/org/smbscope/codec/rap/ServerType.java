package org.smbscope.codec.rap;

import java.util.ArrayList;
import java.util.List;

/** SV_TYPE_* server type bits. [MS-RAP] 2.5.5.2.1; [MS-SRVS] 2.2.2.7. */
public record ServerType(long value) {
    public static final long WORKSTATION = 0x00000001L;
    public static final long SERVER = 0x00000002L;
    public static final long SQLSERVER = 0x00000004L;
    public static final long DOMAIN_CTRL = 0x00000008L;
    public static final long DOMAIN_BAKCTRL = 0x00000010L;
    public static final long TIME_SOURCE = 0x00000020L;
    public static final long AFP = 0x00000040L;
    public static final long NOVELL = 0x00000080L;
    public static final long DOMAIN_MEMBER = 0x00000100L;
    public static final long PRINTQ_SERVER = 0x00000200L;
    public static final long DIALIN_SERVER = 0x00000400L;
    public static final long SERVER_UNIX = 0x00000800L;
    public static final long NT = 0x00001000L;
    public static final long WFW = 0x00002000L;
    public static final long SERVER_MFPN = 0x00004000L;
    public static final long SERVER_NT = 0x00008000L;
    public static final long POTENTIAL_BROWSER = 0x00010000L;
    public static final long BACKUP_BROWSER = 0x00020000L;
    public static final long MASTER_BROWSER = 0x00040000L;
    public static final long DOMAIN_MASTER = 0x00080000L;
    public static final long WINDOWS = 0x00400000L;
    public static final long DFS = 0x00800000L;
    public static final long LOCAL_LIST_ONLY = 0x40000000L;
    public static final long DOMAIN_ENUM = 0x80000000L;
    public static final long ALL = 0xFFFFFFFFL;

    private static final long[] BITS = {WORKSTATION, SERVER, SQLSERVER, DOMAIN_CTRL, DOMAIN_BAKCTRL, TIME_SOURCE,
        AFP, NOVELL, DOMAIN_MEMBER, PRINTQ_SERVER, DIALIN_SERVER, SERVER_UNIX, NT, WFW, SERVER_MFPN, SERVER_NT,
        POTENTIAL_BROWSER, BACKUP_BROWSER, MASTER_BROWSER, DOMAIN_MASTER, WINDOWS, DFS, LOCAL_LIST_ONLY, DOMAIN_ENUM};
    private static final String[] NAMES = {"Workstation", "Server", "SQL Server", "Domain Controller",
        "Backup Controller", "Time Source", "Apple Server", "Novell Server", "Domain Member Server",
        "Print Queue Server", "Dialin Server", "Xenix Server", "NT Workstation", "Windows for Workgroups",
        "MFPN", "NT Server", "Potential Browser", "Backup Browser", "Master Browser", "Domain Master Browser",
        "Windows 95 or above", "DFS server", "Local List Only", "Domain Enum"};

    public ServerType {
        value &= 0xFFFFFFFFL;
    }

    public boolean has(long bit) {
        return (value & bit) == bit;
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if (has(BITS[i])) n.add(NAMES[i]);
        }
        return n;
    }

    @Override
    public String toString() {
        return String.format("0x%08x", value) + (value == 0 ? "" : " " + String.join(", ", names()));
    }
}
