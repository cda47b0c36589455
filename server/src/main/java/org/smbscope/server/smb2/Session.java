package org.smbscope.server.smb2;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Transform;

/**
 * One SMB2 session ([MS-SMB2] 3.3.1.8): its authentication in progress, then the user, the signing key and
 * cipher state, its tree connects, and the connections (channels) it is bound to. Fields written by the session setup under {@link #setupLock} and
 * published through the volatile {@link #state}.
 */
final class Session {
    enum State { IN_PROGRESS, VALID }

    final long id;
    final ReentrantLock setupLock = new ReentrantLock();
    final Map<Integer, TreeConnection> trees = new ConcurrentHashMap<>();
    private final AtomicInteger nextTreeId = new AtomicInteger(1);

    volatile State state = State.IN_PROGRESS;
    /** The authentication in progress (null once done). */
    Authenticator auth;
    /** 3.1.1: the session's preauth integrity hash while it is being set up. */
    PreauthHash preauth;
    String user = "";
    boolean guest;
    boolean anonymous;
    Smb2Signer signer;
    Smb3Transform transform;
    boolean signingRequired;
    boolean encryptData;
    /** What the session was set up with, for binding checks ({@link SessionBinding}): dialect, signing algorithm and cipher ids (0 when none). */
    int dialect;
    int signingAlgorithm;
    int cipher;
    /** The connections this session is bound to ([MS-SMB2] 3.3.1.8 ChannelList), each with its signer. */
    final Map<Dispatcher, Channel> channels = new ConcurrentHashMap<>();

    /** One channel: the signer of the session's messages on that connection (null when the session signs nothing). */
    record Channel(Smb2Signer signer) {
    }

    Session(long id) {
        this.id = id;
    }

    /** The signer for this session's messages on {@code d}: the channel's, else the session's own. */
    Smb2Signer signerOn(Dispatcher d) {
        Channel c = channels.get(d);
        return c != null ? c.signer() : signer;
    }

    boolean valid() {
        return state == State.VALID;
    }

    int newTreeId() {
        return nextTreeId.getAndIncrement();
    }

    /** LOGOFF, a replaced session or the connection lost: trees go, durable opens stay ([MS-SMB2] 3.3.7.1). */
    void disconnectTrees() {
        for (TreeConnection t : trees.values()) {
            t.disconnect();
        }
        trees.clear();
    }
}
