package org.smbscope.trace.diagnose;

import java.util.Objects;

/**
 * How to fix a finding, in each administrator's terms.
 *
 * @param windowsPolicy the Group Policy path and setting, or "" when none applies
 * @param registry      the registry value behind it, or ""
 * @param smbConf       the Samba smb.conf option, or ""
 */
public record Fix(String windowsPolicy, String registry, String smbConf) {
    public Fix {
        Objects.requireNonNull(windowsPolicy, "windowsPolicy");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(smbConf, "smbConf");
    }

    /** The Security Options folder most SMB policies live in. */
    public static final String SECURITY_OPTIONS =
            "Computer Configuration > Windows Settings > Security Settings > Local Policies > Security Options > ";
}
