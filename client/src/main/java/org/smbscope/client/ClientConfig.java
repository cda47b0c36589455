package org.smbscope.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.smbscope.client.transport.TransportConfig;

/**
 * Immutable client settings, validated when built. Clock and randomness are injected so that a
 * test can reproduce every byte of a handshake.
 *
 * @param lmCompatibilityLevel 0..5 as Windows' LmCompatibilityLevel: 0-2 send LM/NTLMv1 responses
 *                             (NTLMv1 with extended session security at 1+), 3-5 NTLMv2 only
 * @param maxInFlight          requests in flight per file transfer
 * @param maxIoSize            cap on a single read/write (the server's max read/write size also caps)
 * @param kerberos             whether and how sessions use Kerberos (default off)
 * @param smb1ExtendedSecurity SMB1 only: offer CAP_EXTENDED_SECURITY (SPNEGO/NTLMSSP); false = the NT LM 0.12
 *                             session setup with LM/NTLM responses to the 8-byte challenge ("client use spnego = no")
 * @param plaintextPasswords   SMB1 only: send a plaintext password when the server does not encrypt passwords
 */
public record ClientConfig(Clock clock, RandomGenerator random, TransportConfig transport, SmbDialect minDialect,
        SmbDialect maxDialect, Protection signing, Protection encryption, Duration requestTimeout,
        int lmCompatibilityLevel, String workstation, WireTap wireTap, int maxInFlight, int maxIoSize,
        org.smbscope.client.auth.KerberosSettings kerberos, boolean smb1ExtendedSecurity, boolean plaintextPasswords) {

    public ClientConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(minDialect, "minDialect");
        Objects.requireNonNull(maxDialect, "maxDialect");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(wireTap, "wireTap");
        Objects.requireNonNull(kerberos, "kerberos");
        if (minDialect.compareTo(maxDialect) > 0) {
            throw new IllegalArgumentException("min protocol " + minDialect + " is above max protocol " + maxDialect);
        }
        if (lmCompatibilityLevel < 0 || lmCompatibilityLevel > 5) {
            throw new IllegalArgumentException("lmCompatibilityLevel must be 0..5");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (maxInFlight < 1 || maxInFlight > 64) {
            throw new IllegalArgumentException("maxInFlight must be 1..64");
        }
        if (maxIoSize < 4096 || maxIoSize > 8 * 1024 * 1024) {
            throw new IllegalArgumentException("maxIoSize must be 4 KiB..8 MiB");
        }
        if (encryption == Protection.REQUIRED && maxDialect.compareTo(SmbDialect.SMB3_00) < 0) {
            throw new IllegalArgumentException("encryption needs SMB 3.0 or later (max protocol is " + maxDialect + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.clock = clock;
        b.random = random;
        b.transport = transport;
        b.minDialect = minDialect;
        b.maxDialect = maxDialect;
        b.signing = signing;
        b.encryption = encryption;
        b.requestTimeout = requestTimeout;
        b.lmCompatibilityLevel = lmCompatibilityLevel;
        b.workstation = workstation;
        b.wireTap = wireTap;
        b.maxInFlight = maxInFlight;
        b.maxIoSize = maxIoSize;
        b.kerberos = kerberos;
        b.smb1ExtendedSecurity = smb1ExtendedSecurity;
        b.plaintextPasswords = plaintextPasswords;
        return b;
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SecureRandom();
        private TransportConfig transport = TransportConfig.defaults();
        private SmbDialect minDialect = SmbDialect.SMB2_02;
        private SmbDialect maxDialect = SmbDialect.SMB3_11;
        private Protection signing = Protection.IF_REQUIRED;
        private Protection encryption = Protection.IF_REQUIRED;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int lmCompatibilityLevel = 3;
        private String workstation = "SMBSCOPE";
        private WireTap wireTap = WireTap.NONE;
        private int maxInFlight = 8;
        private int maxIoSize = 1024 * 1024;
        private org.smbscope.client.auth.KerberosSettings kerberos = org.smbscope.client.auth.KerberosSettings.off();
        private boolean smb1ExtendedSecurity = true;
        private boolean plaintextPasswords;

        public Builder clock(Clock v) { clock = v; return this; }
        public Builder random(RandomGenerator v) { random = v; return this; }
        public Builder transport(TransportConfig v) { transport = v; return this; }
        public Builder minDialect(SmbDialect v) { minDialect = v; return this; }
        public Builder maxDialect(SmbDialect v) { maxDialect = v; return this; }
        public Builder signing(Protection v) { signing = v; return this; }
        public Builder encryption(Protection v) { encryption = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder lmCompatibilityLevel(int v) { lmCompatibilityLevel = v; return this; }
        public Builder workstation(String v) { workstation = v; return this; }
        public Builder wireTap(WireTap v) { wireTap = v; return this; }
        public Builder maxInFlight(int v) { maxInFlight = v; return this; }
        public Builder maxIoSize(int v) { maxIoSize = v; return this; }
        public Builder kerberos(org.smbscope.client.auth.KerberosSettings v) { kerberos = v; return this; }
        public Builder smb1ExtendedSecurity(boolean v) { smb1ExtendedSecurity = v; return this; }
        public Builder plaintextPasswords(boolean v) { plaintextPasswords = v; return this; }

        public ClientConfig build() {
            return new ClientConfig(clock, random, transport, minDialect, maxDialect, signing, encryption,
                    requestTimeout, lmCompatibilityLevel, workstation, wireTap, maxInFlight, maxIoSize, kerberos,
                    smb1ExtendedSecurity, plaintextPasswords);
        }
    }
}
