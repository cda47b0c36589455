package org.smbscope.server.auth;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.ntlm.NtlmServerPolicy;
import org.smbscope.server.config.NtlmAuthPolicy;
import org.smbscope.server.config.ServerConfig;

/**
 * The NTLM side of a session setup ([MS-NLMP] 3.2), the same for SMB1 and SMB2: a standalone server named
 * by {@code netbios name} / {@code workgroup}, the response types {@code ntlm auth} and {@code lanman auth}
 * allow, anonymous logons accepted, users from the smbpasswd file read now (so password changes apply at once).
 */
public final class NtlmAcceptors {
    private NtlmAcceptors() {
    }

    public static NtlmServerContext context(ServerConfig c, Clock clock, RandomGenerator random) {
        NtlmServerPolicy policy = c.ntlmAuth() == NtlmAuthPolicy.NTLMV1_PERMITTED
                ? (c.lanmanAuth() ? NtlmServerPolicy.LANMAN_AUTH : NtlmServerPolicy.NTLMV1_PERMITTED)
                : NtlmServerPolicy.NTLMV2_ONLY;
        NtlmServerConfig nc = NtlmServerConfig.standalone(c.netbiosName(), c.workgroup()).withPolicy(policy)
                .withAnonymous(true);
        return new NtlmServerContext(nc, PassdbAccounts.load(c.passdbPath()), clock, new LockedRandom(random));
    }
}
