package org.smbscope.server.smb2;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.server.auth.KerberosAcceptException;
import org.smbscope.server.auth.KerberosAcceptor;
import org.smbscope.server.auth.SpnTargetValidation;
import org.smbscope.server.auth.SpnValidation;
import org.smbscope.server.auth.UsernameMap;
import org.smbscope.server.config.KerberosServerConfig;
import org.smbscope.server.config.ServerConfig;

/**
 * How a server authenticates sessions ([MS-SMB2] 3.3.5.5.3): the Kerberos acceptor when smb.conf has a
 * keytab ({@code kerberos method = dedicated keytab}, {@code dedicated keytab file}, {@code realm}), null
 * otherwise; and the SPN target name validation ({@code server spn target name validation}) applied to the
 * NTLMv2 MsvAvTargetName and to the Kerberos ticket's service name. Our names are the NetBIOS name, the
 * {@code netbios aliases} and, with a realm, Samba's default {@code dns hostname} (netbios name + "." + realm,
 * lower case). IP addresses are not names: a client that connects by address fails validation at level 2.
 */
final class AuthPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AuthPolicy.class);

    private final KerberosAcceptor kerberos;
    private final SpnTargetValidation spn;

    AuthPolicy(KerberosAcceptor kerberos, SpnTargetValidation spn) {
        this.kerberos = kerberos;
        this.spn = spn;
    }

    /** NTLM only, validation as configured. */
    static AuthPolicy ntlmOnly(ServerConfig config) {
        return new AuthPolicy(null, SpnTargetValidation.of(config, dnsNames(config), List.of()));
    }

    /**
     * Opens the keytab when Kerberos is configured; a keytab that cannot be used is logged and Kerberos is left
     * off (NTLM still works, as with Samba).
     */
    static AuthPolicy of(ServerConfig config) {
        SpnTargetValidation spn = SpnTargetValidation.of(config, dnsNames(config), List.of());
        KerberosServerConfig k = config.kerberos();
        if (!k.acceptsKerberos()) {
            return new AuthPolicy(null, spn);
        }
        if (!java.nio.file.Files.isReadable(k.keytab())) {
            LOG.warn("Kerberos disabled: keytab {} cannot be read", k.keytab());
            return new AuthPolicy(null, spn);
        }
        try {
            UsernameMap map = k.usernameMap() == null ? UsernameMap.empty() : UsernameMap.read(k.usernameMap());
            Set<String> names = new LinkedHashSet<>(spn.names());
            KerberosAcceptor acceptor = KerberosAcceptor.open(k, map, SpnValidation.valueOf(spn.level().name()),
                    names, krb5Conf());
            return new AuthPolicy(acceptor, spn);
        } catch (KerberosAcceptException | IOException e) {
            LOG.warn("Kerberos disabled: {}", e.getMessage());
            return new AuthPolicy(null, spn);
        }
    }

    /**
     * The krb5.conf for the JDK: {@code KRB5_CONFIG} (as MIT tools and Samba read it) unless
     * {@code java.security.krb5.conf} is already set; null leaves the JDK's default (/etc/krb5.conf).
     */
    private static java.nio.file.Path krb5Conf() {
        String env = System.getenv("KRB5_CONFIG");
        if (System.getProperty("java.security.krb5.conf") != null || env == null || env.isBlank()) {
            return null;
        }
        String first = env.split(":")[0];
        return java.nio.file.Files.isReadable(java.nio.file.Path.of(first)) ? java.nio.file.Path.of(first) : null;
    }

    /** Samba's default {@code dns hostname}: netbios name + "." + realm, lower case; none without a realm. */
    static List<String> dnsNames(ServerConfig config) {
        String realm = config.kerberos().realm();
        if (realm.isBlank()) {
            return List.of();
        }
        return List.of((config.netbiosName() + "." + realm).toLowerCase(Locale.ROOT));
    }

    /** The Kerberos acceptor, or null when Kerberos is not configured. */
    KerberosAcceptor kerberos() {
        return kerberos;
    }

    SpnTargetValidation spn() {
        return spn;
    }
}
