package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.SessionFlags;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.ShareFlags;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.smb2.TreeConnectResponse;
import org.smbscope.codec.status.NtStatus;

/** Sentences for SMB2/3 messages ([MS-SMB2] 2.2): negotiate, session setup, tree connect, errors. */
final class Smb2Explainer {
    private Smb2Explainer() {
    }

    static Step step(Smb2Packet p) {
        Smb2Command c = p.header().command();
        if (c.equals(Smb2Command.NEGOTIATE)) {
            return Step.NEGOTIATE;
        }
        if (c.equals(Smb2Command.SESSION_SETUP) || c.equals(Smb2Command.LOGOFF)) {
            return Step.AUTHENTICATION;
        }
        if (c.equals(Smb2Command.TREE_CONNECT) || c.equals(Smb2Command.TREE_DISCONNECT)) {
            return Step.TREE_CONNECT;
        }
        return Step.FILES;
    }

    static List<String> explain(Message m, Smb2Packet p) {
        List<String> out = new ArrayList<>();
        switch (p.message()) {
            case NegotiateRequest r -> negotiateRequest(r, out);
            case NegotiateResponse r -> negotiateResponse(m, r, out);
            case SessionSetupRequest r -> out.addAll(AuthExplainer.explain(AuthBlob.parse(r.securityBuffer()), false));
            case SessionSetupResponse r -> sessionSetupResponse(r, out);
            case TreeConnectRequest r -> out.add("The client asks for the share " + r.path() + ".");
            case TreeConnectResponse r -> treeConnectResponse(r, out);
            default -> {
            }
        }
        NtStatus st = p.header().status();
        if (p.isResponse() && st.isError() && !st.equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
            out.add("Status " + Sentences.status(st) + ".");
        }
        return out;
    }

    private static void negotiateRequest(NegotiateRequest r, List<String> out) {
        out.add("The client offers " + r.dialects().stream().map(Smb2Dialect::name).collect(Collectors.joining(", ")) + ".");
        out.add("Client SecurityMode " + String.format("0x%02x", r.securityMode().value()) + ": "
                + (r.securityMode().has(SecurityMode.SIGNING_REQUIRED)
                        ? "signing required: it will not talk unsigned (Windows 11 24H2's default)"
                        : "signing enabled, not required: it signs only when the server requires it") + ".");
        if (r.capabilities().has(Capabilities.ENCRYPTION)) {
            out.add("The client can encrypt (SMB 3.0 encryption capability).");
        }
        for (NegotiateContext c : r.contexts()) {
            if (c instanceof NegotiateContext.Encryption e) {
                out.add("Ciphers offered: " + e.ciphers() + ".");
            } else if (c instanceof NegotiateContext.Netname n) {
                out.add("The client names the server " + n.netName() + ".");
            }
        }
    }

    private static void negotiateResponse(Message m, NegotiateResponse r, List<String> out) {
        out.add("The server picks " + r.dialect().name() + (r.dialect().equals(Smb2Dialect.WILDCARD)
                ? ": the answer to a multi-protocol SMB1 negotiate; the client now sends an SMB2 NEGOTIATE with its"
                        + " SMB 2/3 dialects" : "") + ".");
        out.add(securityMode(r.securityMode()));
        out.add("Capabilities " + r.capabilities() + ".");
        out.add("Largest transaction " + Sentences.size(r.maxTransactSize()) + ", read "
                + Sentences.size(r.maxReadSize()) + ", write " + Sentences.size(r.maxWriteSize()) + ".");
        if (!r.systemTime().isZero()) {
            out.add("Server time: " + Sentences.skew(r.systemTime().toInstant(), m.exchange().time()) + ".");
        }
        for (NegotiateContext c : r.contexts()) {
            if (c instanceof NegotiateContext.Encryption e) {
                out.add("Cipher chosen: " + e.ciphers() + ".");
            } else if (c instanceof NegotiateContext.Signing s) {
                out.add("Signing algorithm: " + s.algorithms() + ".");
            }
        }
        out.addAll(AuthExplainer.explain(AuthBlob.parse(r.securityBuffer()), true));
    }

    static String securityMode(SecurityMode s) {
        boolean en = s.has(SecurityMode.SIGNING_ENABLED);
        boolean req = s.has(SecurityMode.SIGNING_REQUIRED);
        return "Server SecurityMode " + String.format("0x%02x", s.value()) + ": bit 0 SIGNING_ENABLED = " + (en ? 1 : 0)
                + ", bit 1 SIGNING_REQUIRED = " + (req ? 1 : 0) + (req
                ? ": every client must sign (policy \"Microsoft network server: Digitally sign communications (always)\")."
                : ": signing happens only if the client requires it (Windows 11 24H2 does by default, Windows 10 and Samba's"
                        + " client do not).");
    }

    private static void sessionSetupResponse(SessionSetupResponse r, List<String> out) {
        out.addAll(AuthExplainer.explain(AuthBlob.parse(r.securityBuffer()), true));
        SessionFlags f = r.sessionFlags();
        if (f.has(SessionFlags.IS_GUEST)) {
            out.add("The server logged the client on as GUEST: no session key, so nothing can be signed"
                    + " (Windows 10 1709+ and 11 refuse such insecure guest logons).");
        }
        if (f.has(SessionFlags.IS_NULL)) {
            out.add("Anonymous (null) session: no signing, only what anonymous users may see.");
        }
        if (f.has(SessionFlags.ENCRYPT_DATA)) {
            out.add("The server requires this session to be encrypted (SMB 3.x).");
        }
    }

    private static void treeConnectResponse(TreeConnectResponse r, List<String> out) {
        out.add("Share type " + r.shareType() + ", flags " + r.shareFlags() + ".");
        if (r.shareFlags().has(ShareFlags.ENCRYPT_DATA)) {
            out.add("The share requires encryption: only SMB 3.x clients that encrypt may use it.");
        }
        if (r.shareFlags().has(ShareFlags.DFS)) {
            out.add("The share is in a DFS namespace: paths may be referred elsewhere.");
        }
    }
}
