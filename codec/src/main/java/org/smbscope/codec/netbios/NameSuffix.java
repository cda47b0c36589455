package org.smbscope.codec.netbios;

/**
 * The 16th byte of a NetBIOS name, which tells the service the name stands for. An open code:
 * any value 0..255 is kept; well-known ones have a constant and a {@link #description()}.
 * Meanings as listed in Microsoft's "NetBIOS suffixes (16th character of the NetBIOS name)" note
 * and used by nbtstat; see {@link NameMeaning} for the meaning that also depends on group/unique.
 */
public record NameSuffix(int value) {
    public static final NameSuffix WORKSTATION = new NameSuffix(0x00);
    public static final NameSuffix MASTER_BROWSER_MSBROWSE = new NameSuffix(0x01);
    public static final NameSuffix MESSENGER = new NameSuffix(0x03);
    public static final NameSuffix RAS_SERVER = new NameSuffix(0x06);
    public static final NameSuffix DOMAIN_MASTER_BROWSER = new NameSuffix(0x1B);
    public static final NameSuffix DOMAIN_CONTROLLERS = new NameSuffix(0x1C);
    public static final NameSuffix MASTER_BROWSER = new NameSuffix(0x1D);
    public static final NameSuffix BROWSER_ELECTIONS = new NameSuffix(0x1E);
    public static final NameSuffix NETDDE = new NameSuffix(0x1F);
    public static final NameSuffix FILE_SERVER = new NameSuffix(0x20);
    public static final NameSuffix RAS_CLIENT = new NameSuffix(0x21);
    public static final NameSuffix NETWORK_MONITOR_AGENT = new NameSuffix(0xBE);
    public static final NameSuffix NETWORK_MONITOR_APPLICATION = new NameSuffix(0xBF);

    public NameSuffix {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("suffix must be 0..255: " + value);
        }
    }

    public static NameSuffix of(int value) {
        return new NameSuffix(value & 0xFF);
    }

    /** True for the suffixes this table knows. */
    public boolean isKnown() {
        return !description().startsWith("Unknown");
    }

    /**
     * What the suffix means by itself (group/unique not considered): "Workstation Service",
     * "File Server Service", ...; "Unknown service (0x42)" for the others.
     */
    public String description() {
        return switch (value) {
            case 0x00 -> "Workstation Service";
            case 0x01 -> "Messenger Service";
            case 0x03 -> "Messenger Service";
            case 0x06 -> "RAS Server Service";
            case 0x1B -> "Domain Master Browser";
            case 0x1C -> "Domain Controllers";
            case 0x1D -> "Master Browser";
            case 0x1E -> "Browser Election Service";
            case 0x1F -> "NetDDE Service";
            case 0x20 -> "File Server Service";
            case 0x21 -> "RAS Client Service";
            case 0x22 -> "Microsoft Exchange Interchange";
            case 0x23 -> "Microsoft Exchange Store";
            case 0x24 -> "Microsoft Exchange Directory";
            case 0x2B -> "Lotus Notes Server Service";
            case 0x30 -> "Modem Sharing Server Service";
            case 0x31 -> "Modem Sharing Client Service";
            case 0x43 -> "SMS Clients Remote Control";
            case 0x44 -> "SMS Administrators Remote Control Tool";
            case 0x45 -> "SMS Clients Remote Chat";
            case 0x46 -> "SMS Clients Remote Transfer";
            case 0x6A -> "Microsoft Exchange IMC";
            case 0x87 -> "Microsoft Exchange MTA";
            case 0xBE -> "Network Monitor Agent";
            case 0xBF -> "Network Monitor Application";
            default -> String.format("Unknown service (0x%02x)", value);
        };
    }

    /** {@code <20>}. */
    @Override
    public String toString() {
        return String.format("<%02x>", value);
    }
}
