package org.smbscope.codec.ntlm;

/**
 * Settings of an {@link NtlmServerContext}: the names put into the CHALLENGE's target info, the
 * version, and what is accepted.
 *
 * @param dnsComputerName "" to leave MsvAvDnsComputerName out (likewise the other DNS names)
 * @param domainJoined whether the target is a domain (NTLMSSP_TARGET_TYPE_DOMAIN) or a server
 */
public record NtlmServerConfig(String nbComputerName, String nbDomainName, String dnsComputerName,
        String dnsDomainName, String dnsTreeName, Version version, NtlmServerPolicy policy, boolean allowAnonymous,
        boolean domainJoined) {
    public NtlmServerConfig {
        nbComputerName = nbComputerName == null ? "" : nbComputerName;
        nbDomainName = nbDomainName == null ? "" : nbDomainName;
        dnsComputerName = dnsComputerName == null ? "" : dnsComputerName;
        dnsDomainName = dnsDomainName == null ? "" : dnsDomainName;
        dnsTreeName = dnsTreeName == null ? "" : dnsTreeName;
        version = version == null ? Version.DEFAULT : version;
        policy = policy == null ? NtlmServerPolicy.NTLMV2_ONLY : policy;
    }

    /** A standalone server in a workgroup, NTLMv2 only, anonymous allowed (like Samba's defaults). */
    public static NtlmServerConfig standalone(String computer, String workgroup) {
        return new NtlmServerConfig(computer, workgroup, computer.toLowerCase(java.util.Locale.ROOT), "", "",
                Version.DEFAULT, NtlmServerPolicy.NTLMV2_ONLY, true, false);
    }

    public NtlmServerConfig withPolicy(NtlmServerPolicy p) {
        return new NtlmServerConfig(nbComputerName, nbDomainName, dnsComputerName, dnsDomainName, dnsTreeName,
                version, p, allowAnonymous, domainJoined);
    }

    public NtlmServerConfig withAnonymous(boolean allow) {
        return new NtlmServerConfig(nbComputerName, nbDomainName, dnsComputerName, dnsDomainName, dnsTreeName,
                version, policy, allow, domainJoined);
    }
}
