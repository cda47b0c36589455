package org.smbscope.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated, immutable server configuration read from an smb.conf ({@link SmbConfParser}).
 *
 * @param interfaces     addresses to listen on (an address, optionally with /mask, which is ignored)
 * @param passdbPath     the smbpasswd file, or null when none is configured
 * @param warnings       what the parser ignored or corrected, one line each
 * @param kerberos       realm, kerberos method, keytab, username map
 * @param netbios        NetBIOS name/datagram services and browsing
 * @param spnValidation  {@code server spn target name validation} (SmbServerNameHardeningLevel)
 * @param ioSizes        {@code smb2 max read}, {@code smb2 max write}, {@code smb2 max trans} (unset: the server's defaults)
 */
public record ServerConfig(String netbiosName, String workgroup, List<String> interfaces, boolean bindInterfacesOnly,
        List<Integer> smbPorts, ProtocolLevel minProtocol, ProtocolLevel maxProtocol, SigningPolicy signing,
        EncryptPolicy encrypt, NtlmAuthPolicy ntlmAuth, boolean lanmanAuth, MapToGuest mapToGuest,
        String guestAccount, int maxConnections, Path passdbPath, List<ShareConfig> shares, List<String> warnings,
        KerberosServerConfig kerberos, NetbiosSettings netbios, SpnValidationLevel spnValidation, IoSizes ioSizes) {
    public ServerConfig {
        ioSizes = ioSizes == null ? IoSizes.UNSET : ioSizes;
        kerberos = kerberos == null ? KerberosServerConfig.none() : kerberos;
        Objects.requireNonNull(netbiosName, "netbiosName");
        Objects.requireNonNull(workgroup, "workgroup");
        interfaces = List.copyOf(interfaces);
        smbPorts = List.copyOf(smbPorts);
        shares = List.copyOf(shares);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(netbios, "netbios");
        Objects.requireNonNull(spnValidation, "spnValidation");
        if (minProtocol.compareTo(maxProtocol) > 0) {
            throw new IllegalArgumentException("server min protocol " + minProtocol + " is above server max protocol " + maxProtocol);
        }
    }

    /** A configuration without Kerberos, with NetBIOS/browsing defaults and SPN validation off (code that predates those settings). */
    public ServerConfig(String netbiosName, String workgroup, List<String> interfaces, boolean bindInterfacesOnly,
            List<Integer> smbPorts, ProtocolLevel minProtocol, ProtocolLevel maxProtocol, SigningPolicy signing,
            EncryptPolicy encrypt, NtlmAuthPolicy ntlmAuth, boolean lanmanAuth, MapToGuest mapToGuest,
            String guestAccount, int maxConnections, Path passdbPath, List<ShareConfig> shares, List<String> warnings) {
        this(netbiosName, workgroup, interfaces, bindInterfacesOnly, smbPorts, minProtocol, maxProtocol, signing,
                encrypt, ntlmAuth, lanmanAuth, mapToGuest, guestAccount, maxConnections, passdbPath, shares, warnings,
                KerberosServerConfig.none(), NetbiosSettings.DEFAULT, SpnValidationLevel.OFF, IoSizes.UNSET);
    }

    /** A configuration without {@code smb2 max read/write/trans} (code that predates those settings). */
    public ServerConfig(String netbiosName, String workgroup, List<String> interfaces, boolean bindInterfacesOnly,
            List<Integer> smbPorts, ProtocolLevel minProtocol, ProtocolLevel maxProtocol, SigningPolicy signing,
            EncryptPolicy encrypt, NtlmAuthPolicy ntlmAuth, boolean lanmanAuth, MapToGuest mapToGuest,
            String guestAccount, int maxConnections, Path passdbPath, List<ShareConfig> shares, List<String> warnings,
            KerberosServerConfig kerberos, NetbiosSettings netbios, SpnValidationLevel spnValidation) {
        this(netbiosName, workgroup, interfaces, bindInterfacesOnly, smbPorts, minProtocol, maxProtocol, signing,
                encrypt, ntlmAuth, lanmanAuth, mapToGuest, guestAccount, maxConnections, passdbPath, shares, warnings,
                kerberos, netbios, spnValidation, IoSizes.UNSET);
    }

    /** The share called {@code name}, case-insensitively. */
    public Optional<ShareConfig> share(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return shares.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }
}
