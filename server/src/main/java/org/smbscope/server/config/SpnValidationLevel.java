package org.smbscope.server.config;

/**
 * {@code server spn target name validation}: the Windows policy "Microsoft network server: Server SPN target
 * name validation level" (registry {@code LanmanServer\Parameters\SmbServerNameHardeningLevel} 0/1/2).
 * smb.conf values: {@code off}/{@code 0}, {@code accept if provided}/{@code 1}, {@code required}/{@code 2}.
 */
public enum SpnValidationLevel {
    /** 0: the target name is neither required nor checked. */
    OFF,
    /** 1: a target name the client sends must name us; a client that sends none is accepted. */
    ACCEPT_IF_PROVIDED,
    /** 2: the client must send a target name, and it must name us. */
    REQUIRED;

    /** The SmbServerNameHardeningLevel registry value. */
    public int registryValue() {
        return ordinal();
    }
}
