package org.smbscope.client.smb1;

import java.io.IOException;
import java.util.List;

import org.smbscope.client.ServerEntry;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.codec.smb1.LogoffAndX;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.codec.smb1.TreeConnectAndXResponse;

/**
 * An SMB1 session (a UID): TREE_CONNECT_ANDX ([MS-CIFS] 2.2.4.55), share listing (srvsvc over a
 * TransactNmPipe, falling back to RAP NetShareEnum), the browse list (RAP NetServerEnum2) and LOGOFF_ANDX.
 */
final class Smb1SessionImpl implements SmbSession {
    final Smb1Established owner;
    final int uid;
    private final boolean guest;
    private final boolean anonymous;

    Smb1SessionImpl(Smb1Established owner, int uid, boolean guest, boolean anonymous) {
        this.owner = owner;
        this.uid = uid;
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
    public boolean signing() {
        return owner.connection.signing();
    }

    @Override
    public boolean encrypting() {
        return false;
    }

    @Override
    public SmbTree tree(String share) throws IOException {
        String path = "\\\\" + owner.serverName + "\\" + share;
        TreeConnectAndXRequest req = new TreeConnectAndXRequest(0, new byte[] {0}, path, TreeConnectAndXRequest.ANY_SERVICE);
        byte[] raw = owner.connection.call(Smb1Packet.encode(owner.header(Smb1Command.TREE_CONNECT_ANDX, 0, uid), req));
        Smb1Errors.Response r = Smb1Errors.expect(raw, "connecting to " + path);
        TreeConnectAndXResponse resp = Smb1Errors.as(r, TreeConnectAndXResponse.class, "a TREE_CONNECT_ANDX response");
        return new Smb1TreeImpl(this, share, r.header().tid(), resp.service());
    }

    @Override
    public List<ShareInfo> listShares() throws IOException {
        try (Smb1TreeImpl ipc = (Smb1TreeImpl) tree("IPC$")) {
            try {
                return PipeCalls.netShareEnumAll(ipc, owner.serverName);
            } catch (SmbException | SmbProtocolException e) {
                return PipeCalls.rapShareEnum(ipc);
            }
        }
    }

    @Override
    public List<ServerEntry> serverList(long typeMask, String domain) throws IOException {
        try (Smb1TreeImpl ipc = (Smb1TreeImpl) tree("IPC$")) {
            return PipeCalls.rapServerEnum2(ipc, typeMask, domain);
        }
    }

    @Override
    public ServerEntry serverInfo() throws IOException {
        try (Smb1TreeImpl ipc = (Smb1TreeImpl) tree("IPC$")) {
            return PipeCalls.rapServerGetInfo(ipc);
        }
    }

    @Override
    public void close() {
        try {
            owner.connection.call(Smb1Packet.encode(owner.header(Smb1Command.LOGOFF_ANDX, 0, uid), new LogoffAndX(false)));
        } catch (IOException | RuntimeException ignored) {
            // logging off a broken session: nothing to do
        }
    }
}
