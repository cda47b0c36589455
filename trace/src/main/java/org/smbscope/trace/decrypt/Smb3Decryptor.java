package org.smbscope.trace.decrypt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.CryptoDecodeException;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.crypto.Smb3Keys;
import org.smbscope.codec.crypto.Smb3Transform;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.ChallengeMessage;
import org.smbscope.codec.ntlm.NegotiateFlag;
import org.smbscope.codec.ntlm.NtlmCrypto;
import org.smbscope.codec.ntlm.Rc4;
import org.smbscope.codec.smb2.NegotiateContext;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.SessionSetupResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;
import org.smbscope.trace.explain.AuthBlob;

/**
 * Decrypts the SMB3 transform messages of NTLMv2 sessions whose password is known. Per
 * connection it follows the NEGOTIATE (dialect, cipher, preauth hash for 3.1.1, [MS-SMB2]
 * 3.2.5.2) and each session's SESSION_SETUP messages (the preauth hash, [MS-SMB2] 3.2.5.3.1; the
 * NTLM CHALLENGE and AUTHENTICATE); when a session setup succeeds, the NTLMv2 session key
 * ([MS-NLMP] 3.3.2: SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr), then the key exchange)
 * gives the SMB3 keys ({@link Smb3Keys#derive}). Messages it cannot open are left as they were.
 */
public final class Smb3Decryptor {
    /** The exchanges with the opened ones replaced, and what happened, one line per session. */
    public record Result(List<Exchange> exchanges, List<String> notes, int opened) {
        public Result {
            exchanges = List.copyOf(exchanges);
            notes = List.copyOf(notes);
        }
    }

    private static final class Connection {
        int dialect;
        CipherId cipher;
        PreauthHash hash = PreauthHash.initial();
        Pending pending;
        final Map<Long, Smb3Keys> keys = new HashMap<>();
    }

    private static final class Pending {
        long sessionId;
        PreauthHash hash;
        ChallengeMessage challenge;
        AuthenticateMessage auth;
    }

    private final byte[] ntHash;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Connection> connections = new HashMap<>();
    private int opened;

    private Smb3Decryptor(byte[] ntHash) {
        this.ntHash = ntHash.clone();
    }

    /** Opens what {@code password} opens. */
    public static Result decrypt(List<Exchange> exchanges, String password) {
        return decrypt(exchanges, NtlmCrypto.md4(password.getBytes(StandardCharsets.UTF_16LE)));
    }

    /** Opens what the NT hash (16 bytes) opens. */
    public static Result decrypt(List<Exchange> exchanges, byte[] ntHash) {
        Smb3Decryptor d = new Smb3Decryptor(ntHash);
        List<Exchange> out = new ArrayList<>(exchanges.size());
        for (Exchange e : exchanges) {
            out.add(d.accept(e));
        }
        return new Result(out, d.notes, d.opened);
    }

    private Exchange accept(Exchange e) {
        Connection c = connections.computeIfAbsent(e.client() + ">" + e.server(), k -> new Connection());
        if (e.layer() == Layer.SMB2_TRANSFORM) {
            Exchange plain = open(c, e);
            if (plain != e) {
                follow(c, plain); // a sealed session setup of a second session still counts
            }
            return plain;
        }
        if (e.layer() == Layer.SMB2) {
            follow(c, e);
        }
        return e;
    }

    private Exchange open(Connection c, Exchange e) {
        byte[] p = e.payload();
        try {
            Smb3Keys keys = c.keys.get(Smb3Transform.sessionId(p, 0, p.length));
            if (keys == null) {
                return e;
            }
            byte[] plain = Smb3Transform.open(e.direction() == Direction.SERVER_TO_CLIENT ? keys : keys.forServer(), p);
            opened++;
            return new Exchange(e.index(), e.frame(), e.time(), e.client(), e.server(), e.direction(),
                    Layer.ofSmbPayload(plain), plain);
        } catch (CryptoDecodeException | RuntimeException x) {
            return e;
        }
    }

    private void follow(Connection c, Exchange e) {
        List<Smb2Packet> packets;
        try {
            packets = Smb2Codec.decodeAll(e.payload());
        } catch (Smb2DecodeException x) {
            return;
        }
        if (packets.size() != 1) {
            return; // negotiate and session setup are never compounded
        }
        Smb2Packet p = packets.get(0);
        byte[] bytes = e.payload();
        switch (p.message()) {
            case org.smbscope.codec.smb2.NegotiateRequest q -> c.hash = PreauthHash.initial().update(bytes);
            case NegotiateResponse r -> {
                c.dialect = r.dialect().value();
                c.hash = c.hash.update(bytes);
                c.cipher = r.dialect().value() < 0x311 ? CipherId.AES_128_CCM : null;
                for (NegotiateContext x : r.contexts()) {
                    if (x instanceof NegotiateContext.Encryption enc && !enc.ciphers().isEmpty()) {
                        c.cipher = CipherId.fromWire(enc.ciphers().get(0).value()).orElse(null);
                    }
                }
            }
            case SessionSetupRequest q -> {
                long sid = p.header().sessionId();
                if (c.pending == null || sid == 0 || c.pending.sessionId != sid) {
                    c.pending = new Pending();
                    c.pending.sessionId = sid;
                    c.pending.hash = c.hash;
                }
                c.pending.hash = c.pending.hash.update(bytes);
                AuthBlob.parse(q.securityBuffer()).authenticate().ifPresent(a -> c.pending.auth = a);
            }
            case SessionSetupResponse r -> {
                Pending s = c.pending;
                if (s == null) {
                    return;
                }
                s.sessionId = p.header().sessionId();
                AuthBlob.parse(r.securityBuffer()).challenge().ifPresent(ch -> s.challenge = ch);
                NtStatus st = p.header().status();
                if (st.equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
                    s.hash = s.hash.update(bytes);
                } else if (st.isSuccess()) {
                    derive(c, s);
                    c.pending = null;
                }
            }
            default -> {
            }
        }
    }

    private void derive(Connection c, Pending s) {
        String session = String.format("session 0x%016x", s.sessionId);
        if (c.dialect < 0x300) {
            return;
        }
        if (s.auth == null || s.auth.ntResponse().length <= 24) {
            notes.add(session + ": not NTLMv2, cannot be opened with a password");
            return;
        }
        Optional<byte[]> key = sessionKey(s.auth);
        Smb3Keys keys = Smb3Keys.derive(c.dialect, c.cipher, key.get(), s.hash);
        c.keys.put(s.sessionId, keys);
        notes.add(session + " (" + s.auth.domain() + "\\" + s.auth.user() + "): keys derived from the password");
    }

    /** [MS-NLMP] 3.3.2 and 3.4.5.1: NTLMv2 session base key, then the key exchange when negotiated. */
    private Optional<byte[]> sessionKey(AuthenticateMessage a) {
        byte[] responseKeyNt = NtlmCrypto.ntowfv2(ntHash, a.user(), a.domain());
        byte[] ntProofStr = Arrays.copyOf(a.ntResponse(), 16);
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKeyNt, ntProofStr);
        byte[] exchanged = a.encryptedRandomSessionKey();
        if (a.flags().contains(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH) && exchanged.length == 16) {
            return Optional.of(Rc4.once(sessionBaseKey, exchanged));
        }
        return Optional.of(sessionBaseKey);
    }
}
