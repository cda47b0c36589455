package org.smbscope.codec.spnego;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.kerberos.GssKrb5Token;
import org.smbscope.codec.kerberos.KerberosDecodeException;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.codec.kerberos.KrbError;

/**
 * The initiator side of SPNEGO ([MS-SPNG] 3.1, RFC 4178 5): picks the first mechanism of the
 * preference list that the acceptor's hint (the SMB2 NEGOTIATE response's NegTokenInit2) lists,
 * sends its optimistic token, relays tokens, and sends and checks the mechListMIC once the
 * mechanism completes. Not thread-safe; one per session setup.
 */
public final class SpnegoClient {
    private final List<GssMechanism> preference;
    private GssMechanism chosen;
    private List<GssMechanism> usable = List.of();
    private List<Oid> mechTypes;
    private byte[] mechTypesDer;
    private boolean micSent;
    private boolean micVerified;
    private NegState lastState;
    private final List<SpnegoToken> sent = new ArrayList<>();
    private final List<SpnegoToken> received = new ArrayList<>();

    public SpnegoClient(List<GssMechanism> preference) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("no mechanisms");
        }
        this.preference = List.copyOf(preference);
    }

    /**
     * The first session setup token.
     *
     * @param serverHint the acceptor's NegTokenInit (may be null or empty: then the first
     *     preference is used)
     */
    public byte[] initialToken(byte[] serverHint) throws GssException {
        List<Oid> offered = null;
        if (serverHint != null && serverHint.length > 0) {
            try {
                SpnegoToken t = SpnegoToken.decode(serverHint);
                if (!(t instanceof NegTokenInit init)) {
                    throw new GssException("server hint is not a NegTokenInit");
                }
                received.add(t);
                offered = init.mechTypes();
            } catch (SpnegoDecodeException e) {
                throw new GssException("bad server hint: " + e.getMessage(), e);
            }
        }
        List<GssMechanism> usable = new ArrayList<>();
        for (GssMechanism m : preference) {
            if (offered == null || offered.stream().anyMatch(m::answersTo)) {
                usable.add(m);
            }
        }
        if (usable.isEmpty()) {
            throw new GssException("no common mechanism: server offers " + offered);
        }
        chosen = usable.get(0);
        this.usable = List.copyOf(usable);
        mechTypes = usable.stream().map(GssMechanism::oid).toList();
        mechTypesDer = NegTokenInit.encodeMechTypes(mechTypes);
        NegTokenInit init = NegTokenInit.of(mechTypes, chosen.initialToken());
        sent.add(init);
        return init.encode();
    }

    /** The next token answering the acceptor's NegTokenResp; null when nothing is left to send. */
    public byte[] nextToken(byte[] serverToken) throws GssException {
        if (chosen == null) {
            throw new IllegalStateException("initialToken() first");
        }
        NegTokenResp resp;
        try {
            SpnegoToken t = SpnegoToken.decode(serverToken);
            if (!(t instanceof NegTokenResp r)) {
                throw new GssException("expected a NegTokenResp");
            }
            resp = r;
        } catch (SpnegoDecodeException e) {
            throw new GssException("bad SPNEGO token: " + e.getMessage(), e);
        }
        received.add(resp);
        if (resp.negState() != null) {
            lastState = resp.negState();
        }
        if (NegState.REJECT.equals(resp.negState())) {
            throw new GssException("the server rejected the negotiation" + kerberosError(resp.responseToken()));
        }
        if (resp.supportedMech() != null && !chosen.answersTo(resp.supportedMech())) {
            // RFC 4178 5 (b): the acceptor picked another mechanism of our list; start it
            GssMechanism other = usable.stream().filter(m -> m.answersTo(resp.supportedMech())).findFirst()
                    .orElse(null);
            if (other == null || chosen.isComplete() || resp.responseToken() != null) {
                throw new GssException("the server chose " + resp.supportedMech() + ", we sent a token for "
                        + chosen.oid());
            }
            chosen = other;
            NegTokenResp switched = new NegTokenResp(null, null, chosen.initialToken(), null);
            sent.add(switched);
            return switched.encode();
        }
        byte[] out = null;
        if (resp.responseToken() != null && !chosen.isComplete()) {
            out = chosen.nextToken(resp.responseToken());
        }
        byte[] mic = null;
        if (chosen.isComplete() && !micSent) {
            mic = chosen.getMic(mechTypesDer);
            micSent = true;
        }
        if (resp.mechListMic() != null) {
            if (!chosen.isComplete() || !chosen.verifyMic(mechTypesDer, resp.mechListMic())) {
                throw new GssException("the server's mechListMIC does not verify");
            }
            micVerified = true;
        }
        if (out == null && mic == null) {
            return null;
        }
        NegTokenResp reply = new NegTokenResp(null, null, out, mic);
        sent.add(reply);
        return reply.encode();
    }

    /** ": KRB_AP_ERR_SKEW (37): Clock skew too great" when the token is a Kerberos KRB-ERROR, else "". */
    static String kerberosError(byte[] token) {
        if (!KerberosMessage.looksLikeKerberos(token)) {
            return "";
        }
        try {
            KerberosMessage m = KerberosMessage.decode(token);
            if (m instanceof GssKrb5Token g) {
                m = g.message();
            }
            return m instanceof KrbError e ? ": " + e.summary() : "";
        } catch (KerberosDecodeException e) {
            return "";
        }
    }

    /** Whether the acceptor said accept-completed and the mechanism is complete. */
    public boolean isComplete() {
        return chosen != null && chosen.isComplete() && NegState.ACCEPT_COMPLETED.equals(lastState);
    }

    public boolean mechListMicVerified() {
        return micVerified;
    }

    public GssMechanism selected() {
        return chosen;
    }

    public byte[] sessionKey() {
        return chosen == null ? null : chosen.sessionKey();
    }

    /** The mechanism list as sent (its DER is what the mechListMIC covers). */
    public List<Oid> mechTypes() {
        return mechTypes;
    }

    /** Tokens sent and received so far, for the explainer. */
    public List<SpnegoToken> sent() {
        return List.copyOf(sent);
    }

    public List<SpnegoToken> received() {
        return List.copyOf(received);
    }
}
