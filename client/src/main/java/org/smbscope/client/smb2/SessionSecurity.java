package org.smbscope.client.smb2;

import org.smbscope.client.SmbProtocolException;
import org.smbscope.codec.crypto.CryptoDecodeException;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Transform;

/**
 * A session's {@link MessageSecurity} from the crypto codec: a signer with the session's signing
 * key ([MS-SMB2] 3.1.4.1) and, for SMB 3.x, a transform that seals and opens ([MS-SMB2] 3.1.4.3).
 */
final class SessionSecurity implements MessageSecurity {
    private final long sessionId;
    private final Smb2Signer signer;
    private final Smb3Transform transform;
    private static final int TREE_CONNECT = 0x0003;
    private final boolean signing;
    private final boolean signTreeConnect;
    private volatile boolean encrypting;
    private final CryptoWarmer warmer;
    private final CryptoSpeed signSpeed;
    private final CryptoSpeed sealSpeed;

    SessionSecurity(long sessionId, Smb2Signer signer, Smb3Transform transform, boolean signing, boolean encrypting) {
        this(sessionId, signer, transform, signing, encrypting, false);
    }

    /**
     * @param signTreeConnect sign TREE_CONNECT requests even when {@code signing} is off: SMB 3.1.1
     *                        has no VALIDATE_NEGOTIATE, so its tree connect is always signed
     *                        ([MS-SMB2] 3.2.4.1.1; Samba refuses an unsigned one with ACCESS_DENIED)
     */
    SessionSecurity(long sessionId, Smb2Signer signer, Smb3Transform transform, boolean signing, boolean encrypting,
            boolean signTreeConnect) {
        this(sessionId, signer, transform, signing, encrypting, signTreeConnect, new CryptoWarmer());
    }

    /** @param warmer the connection's crypto warm-up, which this session's timings of large messages stop */
    SessionSecurity(long sessionId, Smb2Signer signer, Smb3Transform transform, boolean signing, boolean encrypting,
            boolean signTreeConnect, CryptoWarmer warmer) {
        this.warmer = warmer;
        this.signSpeed = warmer.signSpeed;
        this.sealSpeed = warmer.sealSpeed;
        this.sessionId = sessionId;
        this.signer = signer;
        this.transform = transform;
        this.signing = signing;
        this.signTreeConnect = signTreeConnect;
        this.encrypting = encrypting && transform != null;
    }

    /** Turns sealing on for the rest of the session (a share with EncryptData). */
    void encryptFromNowOn() {
        if (transform == null) {
            throw new IllegalStateException("no encryption keys for this session");
        }
        encrypting = true;
        warmUp();
    }

    /**
     * Brings the JDK crypto this session uses (its signer, or its cipher once it seals) to full speed in the
     * background ({@link CryptoWarmer}; the connection may have started it at NEGOTIATE already): without it, signed
     * or sealed 1 MiB messages ran 10 to 20 times slower. Called when the session is set up, and again before bulk
     * data moves and when sealing starts.
     */
    void warmUp() {
        if (encrypting) {
            warmer.sealing(transform.cipher());
        } else if (signing) {
            warmer.signing(signer.algorithm());
        }
    }

    boolean canEncrypt() {
        return transform != null;
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public boolean signing() {
        return signing;
    }

    @Override
    public boolean signs(int command) {
        return signing || (signTreeConnect && command == TREE_CONNECT);
    }

    @Override
    public boolean encrypting() {
        return encrypting;
    }

    @Override
    public void sign(byte[] message) {
        int flags = HeaderView.i32(message, HeaderView.OFF_FLAGS) | HeaderView.FLAG_SIGNED;
        HeaderView.put32(message, HeaderView.OFF_FLAGS, flags);
        java.util.Arrays.fill(message, HeaderView.OFF_SIGNATURE, HeaderView.OFF_SIGNATURE + 16, (byte) 0);
        long t = signSpeed.start(message.length);
        signer.sign(message, 0, message.length);
        signSpeed.end(t, message.length);
    }

    @Override
    public void sign(byte[] head, java.nio.ByteBuffer tail) {
        int flags = HeaderView.i32(head, HeaderView.OFF_FLAGS) | HeaderView.FLAG_SIGNED;
        HeaderView.put32(head, HeaderView.OFF_FLAGS, flags);
        java.util.Arrays.fill(head, HeaderView.OFF_SIGNATURE, HeaderView.OFF_SIGNATURE + 16, (byte) 0);
        int length = head.length + tail.remaining();
        long t = signSpeed.start(length);
        byte[] signature = signer.compute(head, tail.duplicate());
        signSpeed.end(t, length);
        System.arraycopy(signature, 0, head, HeaderView.OFF_SIGNATURE, 16);
    }

    @Override
    public java.nio.ByteBuffer seal(byte[] head, java.nio.ByteBuffer tail, java.nio.ByteBuffer out) {
        int length = head.length + tail.remaining();
        long t = sealSpeed.start(length);
        java.nio.ByteBuffer sealed = transform.seal(sessionId, head, tail.duplicate(), out);
        sealSpeed.end(t, length);
        return sealed;
    }

    @Override
    public boolean verify(byte[] message) {
        long t = signSpeed.start(message.length);
        boolean ok = signer.verify(message, 0, message.length);
        signSpeed.end(t, message.length);
        return ok;
    }

    @Override
    public byte[] seal(byte[] plain) {
        long t = sealSpeed.start(plain.length);
        byte[] sealed = transform.seal(sessionId, plain);
        sealSpeed.end(t, plain.length);
        return sealed;
    }

    @Override
    public byte[] open(byte[] frame) throws SmbProtocolException {
        if (transform == null) {
            throw new SmbProtocolException("encrypted message on a session without encryption keys");
        }
        try {
            long t = sealSpeed.start(frame.length);
            byte[] plain = transform.open(frame);
            sealSpeed.end(t, frame.length);
            return plain;
        } catch (CryptoDecodeException e) {
            throw new SmbProtocolException("cannot decrypt: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] open(byte[] frame, byte[] plain) throws SmbProtocolException {
        if (transform == null) {
            throw new SmbProtocolException("encrypted message on a session without encryption keys");
        }
        if (plain.length != frame.length - Smb3Transform.HEADER_LENGTH) {
            return open(frame);
        }
        try {
            long t = sealSpeed.start(frame.length);
            transform.openInto(frame, plain);
            sealSpeed.end(t, frame.length);
            return plain;
        } catch (CryptoDecodeException e) {
            throw new SmbProtocolException("cannot decrypt: " + e.getMessage(), e);
        }
    }
}
