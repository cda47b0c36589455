package org.smbscope.client.smb2;

import java.io.IOException;
import java.util.List;

import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.codec.smb2.LogoffRequest;
import org.smbscope.codec.smb2.ShareFlags;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.smb2.TreeConnectResponse;

/** An authenticated SMB 2/3 session: tree connect ([MS-SMB2] 3.2.4.2.4), share listing, logoff. */
final class Smb2SessionImpl implements SmbSession {
    final Smb2Established owner;
    final long sessionId;
    final SessionSecurity security;
    private final boolean guest;
    private final boolean anonymous;
    private final String mechanism;
    private final String fallbackNotice;

    Smb2SessionImpl(Smb2Established owner, long sessionId, SessionSecurity security, boolean guest, boolean anonymous,
            String mechanism, String fallbackNotice) {
        this.mechanism = mechanism;
        this.fallbackNotice = fallbackNotice;
        this.owner = owner;
        this.sessionId = sessionId;
        this.security = security;
        this.guest = guest;
        this.anonymous = anonymous;
    }

    @Override
    public boolean isGuest() {
        return guest;
    }

    @Override
    public boolean isAnonymous() {
        return anonymous;
    }

    @Override
    public String mechanism() {
        return mechanism;
    }

    @Override
    public String kerberosFallback() {
        return fallbackNotice;
    }

    @Override
    public boolean signing() {
        return security != null && security.signing();
    }

    @Override
    public boolean encrypting() {
        return security != null && security.encrypting();
    }

    Incoming call(org.smbscope.codec.smb2.Smb2Request body, int treeId) throws IOException {
        return owner.connection.call(Outgoing.of(Requests.encode(body, sessionId, treeId)));
    }

    @Override
    public SmbTree tree(String share) throws IOException {
        String path = "\\\\" + owner.serverName + "\\" + share;
        Incoming in = call(new TreeConnectRequest(0, path), 0);
        Smb2Packet p = Smb2Errors.expect(in, "connecting to " + path);
        TreeConnectResponse r = (TreeConnectResponse) p.message();
        int treeId = org.smbscope.client.smb2.HeaderView.i32(in.message(), HeaderView.OFF_TREE_ID);
        if (r.shareFlags().has(ShareFlags.ENCRYPT_DATA) && security != null && security.canEncrypt()) {
            security.encryptFromNowOn();
        }
        return new Smb2TreeImpl(this, share, treeId);
    }

    @Override
    public List<ShareInfo> listShares() throws IOException {
        try (Smb2TreeImpl ipc = (Smb2TreeImpl) tree("IPC$")) {
            return SrvsvcClient.netShareEnumAll(ipc, owner.serverName);
        }
    }

    @Override
    public void close() {
        try {
            call(new LogoffRequest(), 0);
        } catch (IOException | RuntimeException ignored) {
            // logging off a broken session: nothing to do
        }
        owner.connection.unregister(sessionId);
    }
}
