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
 * cipher state, and its tree connects. Fields written by the session setup under {@link #setupLock} and
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

    Session(long id) {
        this.id = id;
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
