package org.smbscope.trace.explain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.SecurityMode;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.SessionSetupAndXResponse;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.codec.smb1.TreeConnectAndXResponse;
import org.smbscope.codec.status.NtStatus;

/** Sentences for SMB1 messages ([MS-CIFS], [MS-SMB]): negotiate, session setup, tree connect. */
final class Smb1Explainer {
    private Smb1Explainer() {
    }

    static Step step(Smb1Part p) {
        int c = p.message().command().value();
        if (c == Smb1Command.NEGOTIATE.value()) {
            return Step.NEGOTIATE;
        }
        if (c == Smb1Command.SESSION_SETUP_ANDX.value() || c == 0x74) {
            return Step.AUTHENTICATION;
        }
        if (c == Smb1Command.TREE_CONNECT_ANDX.value() || c == Smb1Command.TREE_DISCONNECT.value()) {
            return Step.TREE_CONNECT;
        }
        return Step.FILES;
    }

    static List<String> explain(Message m, Smb1Part p, List<String> offered) {
        List<String> out = new ArrayList<>();
        switch (p.message()) {
            case NegotiateRequest r -> {
                out.add("The client offers " + String.join(", ", r.dialects()) + ".");
                boolean smb2 = r.dialects().stream().anyMatch(d -> d.startsWith("SMB 2"));
                out.add(smb2 ? "It also offers SMB2 in this SMB1 message (a multi-protocol negotiate): an SMB2 server"
                        + " answers with an SMB2 NEGOTIATE response." : "Only SMB1 dialects: a server with SMB1 disabled"
                        + " (every Windows since 10 1709, Samba 4.11+) will refuse or drop the connection.");
                Smb1Flags2 f2 = p.header().flags2();
                out.add(f2.has(Smb1Flags2.SMB_SECURITY_SIGNATURE_REQUIRED) ? "The client requires signing."
                        : f2.has(Smb1Flags2.SMB_SECURITY_SIGNATURE) ? "The client can sign." : "The client does not offer signing.");
            }
            case NegotiateResponse r -> negotiateResponse(m, r, offered, out);
            case SessionSetupAndXRequest r -> {
                if (r.isExtended()) {
                    out.addAll(AuthExplainer.explain(AuthBlob.parse(r.securityBlob()), false));
                } else {
                    String kind = nonExtendedKind(r.lmResponse().length, r.ntResponse().length);
                    out.add("Session setup without extended security: user "
                            + (r.primaryDomain().isEmpty() ? "" : r.primaryDomain() + "\\") + r.accountName()
                            + ", " + kind + " (" + AuthExplainer.levelFor(kind) + ").");
                }
                if (!r.nativeOs().isEmpty()) {
                    out.add("Client OS: " + r.nativeOs() + (r.nativeLanMan().isEmpty() ? "" : ", " + r.nativeLanMan()) + ".");
                }
            }
            case SessionSetupAndXResponse r -> {
                if (r.isExtended()) {
                    out.addAll(AuthExplainer.explain(AuthBlob.parse(r.securityBlob()), true));
                }
                if (r.guest()) {
                    out.add("The server logged the client on as GUEST: no session key, so nothing can be signed.");
                }
                if (!r.nativeOs().isEmpty()) {
                    out.add("Server OS: " + r.nativeOs() + (r.nativeLanMan().isEmpty() ? "" : ", " + r.nativeLanMan())
                            + (r.primaryDomain().isEmpty() ? "" : ", domain " + r.primaryDomain()) + ".");
                }
            }
            case TreeConnectAndXRequest r -> out.add("The client asks for " + r.path() + " (service " + r.service() + ").");
            case TreeConnectAndXResponse r -> out.add("Connected to a " + r.service() + " service"
                    + (r.nativeFileSystem().isEmpty() ? "" : " on " + r.nativeFileSystem()) + ".");
            default -> {
            }
        }
        if (p.header().isReply() && p.header().status() != 0) {
            if (p.header().ntStatus()) {
                NtStatus st = new NtStatus((int) p.header().status());
                if (!st.equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
                    out.add("Status " + Sentences.status(st) + ".");
                }
            } else {
                out.add("Error " + p.header().statusText() + ".");
            }
        }
        return out;
    }

    /** The kind of a non-extended (NT LM 0.12 without SPNEGO) response, by the lengths of the two fields. */
    static String nonExtendedKind(int lmLength, int ntLength) {
        if (lmLength == 0 && ntLength == 0) {
            return "anonymous";
        }
        if (ntLength > 24) {
            return "NTLMv2";
        }
        if (ntLength == 24) {
            return "NTLMv1";
        }
        if (lmLength == 24) {
            return "LM only";
        }
        return "plaintext password";
    }

    private static void negotiateResponse(Message m, NegotiateResponse r, List<String> offered, List<String> out) {
        if (r.isNoDialect()) {
            out.add("The server accepts none of the offered dialects (DialectIndex 0xFFFF).");
            return;
        }
        String chosen = r.dialectIndex() < offered.size() ? offered.get(r.dialectIndex()) : "dialect #" + r.dialectIndex();
        out.add("The server picks " + chosen + " (index " + r.dialectIndex() + "): SMB1.");
        out.add(securityMode(r.securityMode()));
        out.add("Capabilities " + r.capabilities() + ".");
        out.add(r.extendedSecurity() ? "Extended security: authentication goes through SPNEGO."
                : "No extended security: an 8-byte challenge is sent here and the client answers with LM/NTLM responses"
                        + " in the session setup.");
        out.add("Largest buffer " + Sentences.size(r.maxBufferSize()) + ", " + r.maxMpxCount() + " requests in flight.");
        if (r.systemTime() != 0) {
            Instant t = new FileTime(r.systemTime()).toInstant();
            out.add("Server time: " + Sentences.skew(t, m.exchange().time()) + ".");
        }
        if (!r.domainName().isEmpty() || !r.serverName().isEmpty()) {
            out.add("Server " + r.serverName() + " in domain " + r.domainName() + ".");
        }
        if (r.extendedSecurity()) {
            out.addAll(AuthExplainer.explain(AuthBlob.parse(r.securityBlob()), true));
        }
    }

    /** SMB1 SecurityMode bit by bit, with the usual values 3, 7 and 15. */
    static String securityMode(SecurityMode s) {
        return "Server SecurityMode " + s.value() + ": bit 0 user-level security = " + bit(s.userLevel())
                + ", bit 1 encrypted passwords = " + bit(s.encryptPasswords()) + ", bit 2 signing enabled = "
                + bit(s.signingEnabled()) + ", bit 3 signing required = " + bit(s.signingRequired()) + ": "
                + (s.signingRequired() ? "signing required (15)"
                : s.signingEnabled() ? "signs if the client asks (7)" : "this server does not sign (3): a client that"
                        + " requires signing cannot connect (System error 1240)") + ".";
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }
}
