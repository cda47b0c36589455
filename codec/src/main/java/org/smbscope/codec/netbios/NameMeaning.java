package org.smbscope.codec.netbios;

/**
 * What a registered NetBIOS name means, the way nbtstat users read a name table: the suffix
 * together with the group/unique flag and the name itself decide (the same suffix 0x00 is the
 * "Workstation Service" on a unique name and the "Domain/Workgroup Name" on a group name).
 */
public final class NameMeaning {
    private NameMeaning() {
    }

    /** The meaning of a name with this suffix, group flag and name (name may be null). */
    public static String of(int suffix, boolean isGroup, String name) {
        if (name != null && name.equals(NetbiosName.MSBROWSE)) {
            return suffix == 0x01 ? "Master Browser" : NameSuffix.of(suffix).description();
        }
        return switch (suffix & 0xFF) {
            case 0x00 -> isGroup ? "Domain/Workgroup Name" : "Workstation Service";
            case 0x1C -> isGroup ? "Domain Controllers" : "Domain Controller";
            case 0x1E -> isGroup ? "Browser Election Service" : "Browser Election Service";
            case 0x20 -> isGroup ? "File Server Service (group)" : "File Server Service";
            default -> NameSuffix.of(suffix).description();
        };
    }

    /** The meaning of a name with the given group flag. */
    public static String of(NetbiosName name, boolean isGroup) {
        return of(name.suffix(), isGroup, name.name());
    }

    /**
     * The meaning when the group flag is not known (a name in a question): "Workstation
     * Service" for 0x00, "File Server Service" for 0x20, and so on.
     */
    public static String of(NetbiosName name) {
        if (name.isMsBrowse() && name.suffix() == 0x01) {
            return "Master Browser";
        }
        return NameSuffix.of(name.suffix()).description();
    }
}
