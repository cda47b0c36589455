package org.smbscope.cli.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.smbscope.client.auth.KerberosMode;
import org.smbscope.client.auth.KerberosSettings;

/**
 * {@code doctor -k}: the client's Kerberos settings for the real session, with the realm's KDC
 * reached through a {@link KdcRelay} so that its messages join the doctor's exchanges, and the
 * client's fallback notices kept for the text. When krb5.conf names no KDC for the realm (DNS
 * SRV lookup), Kerberos still runs but the KDC exchange cannot be shown.
 */
final class DoctorKerberos implements AutoCloseable {
    private final KerberosSettings settings;
    private final KdcRelay relay;
    private final Path profile;
    private final String setup;
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

    private DoctorKerberos(KerberosSettings settings, KdcRelay relay, Path profile, String setup) {
        this.settings = settings.withNotices(notices::add);
        this.relay = relay;
        this.profile = profile;
        this.setup = setup;
    }

    static DoctorKerberos start(KerberosMode mode, Path krb5Conf, String ccache, boolean tryIp, ExchangeLog log,
            Duration timeout, Clock clock) throws IOException {
        KerberosSettings s = KerberosSettings.of(mode).withTryIpAddress(tryIp);
        if (ccache != null) {
            s = s.withCcache(Path.of(ccache.startsWith("FILE:") ? ccache.substring(5) : ccache));
        }
        Optional<Path> conf = Krb5Profile.locate(krb5Conf);
        String what = "Kerberos " + mode.name().toLowerCase(java.util.Locale.ROOT);
        if (conf.isEmpty()) {
            return new DoctorKerberos(s, null, null, what + ": no krb5.conf found, the JDK's defaults apply");
        }
        Krb5Profile p = Krb5Profile.read(conf.get());
        Optional<String> realm = p.defaultRealm();
        Optional<InetSocketAddress> kdc = realm.flatMap(p::kdc);
        if (kdc.isEmpty()) {
            return new DoctorKerberos(s.withKrb5Conf(conf.get()), null, null, what + ": " + conf.get()
                    + " names no KDC for " + realm.orElse("its default realm") + " (DNS lookup): the KDC messages"
                    + " cannot be shown");
        }
        InetSocketAddress resolved = new InetSocketAddress(kdc.get().getHostString(), kdc.get().getPort());
        if (resolved.isUnresolved()) {
            return new DoctorKerberos(s.withKrb5Conf(conf.get()), null, null, what + ": the KDC "
                    + kdc.get().getHostString() + " does not resolve");
        }
        KdcRelay relay = new KdcRelay(resolved, log, timeout, clock);
        Path tmp = Files.createTempFile("smbscope-doctor-krb5", ".conf",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, p.relayedTo(realm.get(), relay.address()));
        return new DoctorKerberos(s.withKrb5Conf(tmp), relay, tmp, what + ": realm " + realm.get() + ", KDC "
                + resolved.getHostString() + ":" + resolved.getPort() + " (from " + conf.get()
                + "; relayed through " + relay.address() + " so its messages are shown)");
    }

    KerberosSettings settings() {
        return settings;
    }

    /** One line for the text: the mode, the realm and the KDC. */
    String setup() {
        return setup;
    }

    /** Why Kerberos was not used (the client's fallback notices). */
    List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public void close() throws IOException {
        if (relay != null) {
            relay.close();
        }
        if (profile != null) {
            Files.deleteIfExists(profile);
        }
    }
}
