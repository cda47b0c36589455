package org.smbscope.server.smb1;

import org.smbscope.server.auth.NtlmAcceptors;
import org.smbscope.server.auth.PassdbAccounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.ntlm.NtlmV2Response;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.SessionSetupAndXResponse;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Signer;
import org.smbscope.codec.spnego.NegState;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.spnego.SpnegoDecodeException;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SpnTargetValidation;
import org.smbscope.server.config.SigningPolicy;
import org.smbscope.server.smb1.Smb1Dispatcher.Drop;
import org.smbscope.server.smb1.Smb1Dispatcher.Ids;
import org.smbscope.server.smb1.Smb1Dispatcher.R;
import org.smbscope.server.smb1.Smb1Dispatcher.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMB_COM_SESSION_SETUP_ANDX ([MS-CIFS] 2.2.4.53, 3.3.5.42): extended security (raw NTLMSSP or SPNEGO-wrapped) and
 * the non-extended LM/NTLM challenge-response form, guest mapping, the SPN target check, and the MAC key that
 * turns signing on ([MS-CIFS] 3.3.5.2) once the setup's response is sent.
 */
final class Smb1SessionSetup {
    private static final Logger LOG = LoggerFactory.getLogger(Smb1SessionSetup.class);
    private static final byte[] NTLMSSP = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    private final Smb1Dispatcher d;
    private final SpnTargetValidation spn;
    private int nextUid = 100;

    Smb1SessionSetup(Smb1Dispatcher d) {
        this.d = d;
        List<java.net.InetAddress> addrs = new ArrayList<>();
        for (String iface : d.config.interfaces()) {
            String a = iface.contains("/") ? iface.substring(0, iface.indexOf('/')) : iface;
            try {
                if (a.matches("[0-9.]+") || a.contains(":")) {
                    addrs.add(java.net.InetAddress.getByName(a));
                }
            } catch (java.net.UnknownHostException ignored) {
                // not an address
            }
        }
        this.spn = SpnTargetValidation.of(d.config, List.of(), addrs);
    }

    R sessionSetup(SessionSetupAndXRequest req, Ids ids) throws Drop {
        d.clientCaps = req.capabilities().value();
        d.clientMaxBuffer = Math.max(1024, req.maxBufferSize());
        Session s = ids.uid == 0 ? null : d.sessions.get(ids.uid);
        if (s == null) {
            if (ids.uid != 0 && !req.isExtended()) {
                // a non-extended setup carries everything in one step; a stale uid starts over
                ids.uid = 0;
            } else if (ids.uid != 0) {
                return R.err(NtStatus.USER_SESSION_DELETED, req.command());
            }
            if (d.sessions.size() >= 64) {
                return R.err(NtStatus.INSUFFICIENT_RESOURCES, req.command());
            }
            s = new Session(nextUid++);
            d.sessions.put(s.uid, s);
        }
        ids.uid = s.uid;
        boolean wantSign = d.config.signing() == SigningPolicy.MANDATORY
                || (d.config.signing() == SigningPolicy.AUTO && ids.request.flags2().has(Smb1Flags2.SMB_SECURITY_SIGNATURE));
        if (!req.isExtended()) {
            return nonExtended(req, s, wantSign);
        }
        if (!d.extendedSecurity) {
            return fail(s, NtStatus.INVALID_PARAMETER, req.command());
        }
        byte[] token = req.securityBlob();
        NtlmAuthResult result;
        byte[] reply;
        try {
            if (s.auth == null) {
                NtlmServerContext ctx = ntlmContext();
                s.ntlm = ctx;
                boolean raw = token.length >= 8 && Arrays.equals(token, 0, 8, NTLMSSP, 0, 8);
                s.auth = raw ? ctx : new NtlmSpnegoAcceptor(ctx);
            }
            if (s.auth instanceof NtlmServerContext raw) {
                if (raw.challengeMessage() == null) {
                    reply = raw.challenge(token);
                    result = null;
                } else {
                    reply = new byte[0];
                    result = raw.authenticate(token);
                }
            } else {
                NtlmSpnegoAcceptor a = (NtlmSpnegoAcceptor) s.auth;
                reply = a.accept(token);
                result = a.result();
            }
        } catch (SpnegoDecodeException | NtlmDecodeException | ClassCastException | IllegalStateException e) {
            LOG.debug("session setup from {}: {}", d.peer, e.getMessage());
            return fail(s, NtStatus.INVALID_PARAMETER, req.command());
        }
        if (result == null) {
            return new R(NtStatus.MORE_PROCESSING_REQUIRED,
                    new SessionSetupAndXResponse(0, reply, Smb1Dispatcher.nativeOs(), Smb1Dispatcher.nativeLanMan(), d.config.workgroup()));
        }
        s.auth = null;
        int action = 0;
        byte[] key = null;
        switch (result) {
            case NtlmAuthResult.Success ok when ok.anonymous() -> {
                s.user = "";
                s.guest = true;
            }
            case NtlmAuthResult.Success ok -> {
                Optional<SmbPasswdEntry> e = PassdbAccounts.load(d.config.passdbPath()).entry(ok.user());
                if (e.isPresent() && e.get().disabled()) {
                    return fail(s, NtStatus.ACCOUNT_DISABLED, req.command());
                }
                SpnTargetValidation.Verdict v = s.ntlm == null || s.ntlm.authenticateMessage() == null
                        ? spn.checkTargetName(Optional.empty(), false, "no AUTHENTICATE message")
                        : spn.check(s.ntlm.authenticateMessage());
                if (!v.accepted()) {
                    LOG.debug("session setup from {}: {}", d.peer, v.reason());
                    return fail(s, v.status(), req.command());
                }
                s.user = e.map(SmbPasswdEntry::user).orElse(ok.user());
                key = ok.sessionKey();
            }
            case NtlmAuthResult.Failure bad -> {
                LOG.debug("session setup from {}: {} ({})", d.peer, bad.reason(), bad.detail());
                if (!guestable(bad.reason())) {
                    return fail(s, bad.reason() == NtlmAuthResult.Reason.ANONYMOUS_REFUSED ? NtStatus.ACCESS_DENIED
                            : NtStatus.LOGON_FAILURE, req.command());
                }
                s.user = d.config.guestAccount();
                s.guest = true;
                action = SessionSetupAndXResponse.ACTION_GUEST;
                reply = reply.length == 0 ? reply : new NegTokenResp(NegState.ACCEPT_COMPLETED, null, null, null).encode();
            }
        }
        s.valid = true;
        R r = R.ok(new SessionSetupAndXResponse(action, reply, Smb1Dispatcher.nativeOs(), Smb1Dispatcher.nativeLanMan(), d.config.workgroup()));
        if (wantSign && key != null && d.macKey == null) {
            d.pendingMacKey = Smb1Signer.macKey(key, new byte[0]);
            return r;
        }
        return r;
    }

    private R nonExtended(SessionSetupAndXRequest req, Session s, boolean wantSign) {
        if (d.extendedSecurity || d.challenge == null) {
            return fail(s, NtStatus.INVALID_PARAMETER, req.command());
        }
        byte[] lm = req.lmResponse();
        byte[] nt = req.ntResponse();
        String user = req.accountName();
        if (user.isEmpty() && nt.length == 0 && (lm.length == 0 || (lm.length == 1 && lm[0] == 0))) {
            s.user = "";
            s.guest = true;
            s.valid = true;
            return R.ok(new SessionSetupAndXResponse(0, null, Smb1Dispatcher.nativeOs(), Smb1Dispatcher.nativeLanMan(), d.config.workgroup()));
        }
        Optional<SmbPasswdEntry> e = PassdbAccounts.load(d.config.passdbPath()).entry(user);
        NtlmAuthResult.Reason reason;
        Smb1Logon.Verified v = null;
        if (e.isEmpty() || e.get().ntHash() == null) {
            reason = NtlmAuthResult.Reason.NO_SUCH_USER;
        } else {
            v = Smb1Logon.verify(e.get().ntHash(), e.get().lmHash(), user, req.primaryDomain(), d.challenge, lm, nt,
                    d.config.ntlmAuth(), d.config.lanmanAuth());
            reason = v == null ? NtlmAuthResult.Reason.WRONG_PASSWORD : null;
        }
        if (v == null) {
            LOG.debug("session setup (non-extended) from {} for {}: {}", d.peer, user, reason);
            if (!guestable(reason)) {
                return fail(s, NtStatus.LOGON_FAILURE, req.command());
            }
            s.user = d.config.guestAccount();
            s.guest = true;
            s.valid = true;
            return R.ok(new SessionSetupAndXResponse(SessionSetupAndXResponse.ACTION_GUEST, null, Smb1Dispatcher.nativeOs(),
                    Smb1Dispatcher.nativeLanMan(), d.config.workgroup()));
        }
        if (e.get().disabled()) {
            return fail(s, NtStatus.ACCOUNT_DISABLED, req.command());
        }
        SpnTargetValidation.Verdict verdict;
        try {
            verdict = nt.length > 24 ? spn.check(NtlmV2Response.decode(nt).avPairs())
                    : spn.checkTargetName(Optional.empty(), false, "an NTLMv1/LM response, which carries no target name");
        } catch (NtlmDecodeException ex) {
            verdict = spn.checkTargetName(Optional.empty(), false, "an NTLMv2 response whose AV pairs cannot be read");
        }
        if (!verdict.accepted()) {
            LOG.debug("session setup (non-extended) from {}: {}", d.peer, verdict.reason());
            return fail(s, verdict.status(), req.command());
        }
        LOG.debug("session setup (non-extended) from {}: {} by {}", d.peer, user, v.kind());
        s.user = e.get().user();
        s.valid = true;
        R r = R.ok(new SessionSetupAndXResponse(0, null, Smb1Dispatcher.nativeOs(), Smb1Dispatcher.nativeLanMan(), d.config.workgroup()));
        if (wantSign && d.macKey == null) {
            d.pendingMacKey = v.macKey();
            return r;
        }
        return r;
    }

    private boolean guestable(NtlmAuthResult.Reason reason) {
        return d.config.mapToGuest().mapsToGuest(reason);
    }

    private R fail(Session s, NtStatus st, Smb1Command c) {
        if (!s.valid) {
            d.sessions.remove(s.uid);
        }
        s.auth = null;
        return R.err(st, c);
    }

    private NtlmServerContext ntlmContext() {
        return NtlmAcceptors.context(d.config, d.svc.clock(), d.svc.random());
    }

}
