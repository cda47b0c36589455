package org.smbscope.server.smb2;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.ShareCapabilities;
import org.smbscope.codec.smb2.ShareFlags;
import org.smbscope.codec.smb2.ShareType;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.smb2.TreeConnectResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.config.EncryptPolicy;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.ShareConfig;
import org.smbscope.server.tree.TreeHandler;

/**
 * [MS-SMB2] 3.3.5.7 Receiving an SMB2 TREE_CONNECT Request: the share from the path's last component
 * (IPC$ is built in), STATUS_BAD_NETWORK_NAME when unknown, {@code guest ok} and {@code valid users}
 * (STATUS_ACCESS_DENIED), {@code smb encrypt} (the ENCRYPT_DATA share flag; refused for a session that
 * cannot encrypt), and the maximal access ({@code read only}).
 */
final class TreeConnect {
    private static final Logger LOG = LoggerFactory.getLogger(TreeConnect.class);
    private static final int MAX_TREES_PER_SESSION = 1024;
    private static final AccessMask READ_ONLY = new AccessMask(0x001200A9);
    private static final AccessMask FULL = new AccessMask(0x001F01FF);

    private final Dispatcher d;

    TreeConnect(Dispatcher d) {
        this.d = d;
    }

    Reply handle(Smb2Header h, TreeConnectRequest req, Session s, int grant, Smb2Signer signer) {
        String path = req.path();
        int slash = path.lastIndexOf('\\');
        String name = slash < 0 ? path : path.substring(slash + 1);
        if (name.isEmpty() || (path.startsWith("\\\\") && path.indexOf('\\', 2) < 0)) {
            return d.error(h, NtStatus.BAD_NETWORK_NAME, grant, signer);
        }
        if (s.trees.size() >= MAX_TREES_PER_SESSION) {
            return d.error(h, NtStatus.INSUFFICIENT_RESOURCES, grant, signer);
        }
        ServerConfig config = d.ctx.config();
        // "required" turns encryption on and refuses unencrypted requests; "desired" only turns it on (the
        // ENCRYPT_DATA flag) for clients that can encrypt, as Samba does ([MS-SMB2] 3.3.5.7)
        boolean canEncrypt = s.transform != null;
        boolean globalEncrypt = config.encrypt() == EncryptPolicy.REQUIRED;
        boolean globalDesired = config.encrypt() == EncryptPolicy.DESIRED && canEncrypt;
        TreeHandler handler;
        boolean ipc = name.equalsIgnoreCase("IPC$");
        boolean encrypt;
        boolean desired = globalDesired;
        AccessMask access;
        String shareName;
        if (ipc) {
            shareName = "IPC$";
            encrypt = globalEncrypt && s.transform != null;
            access = FULL;
            handler = d.ctx.ipc().get();
        } else {
            Optional<ShareConfig> found = config.share(name);
            if (found.isEmpty()) {
                return d.error(h, NtStatus.BAD_NETWORK_NAME, grant, signer);
            }
            ShareConfig share = found.get();
            shareName = share.name();
            if (!allowed(share, s, config)) {
                return d.error(h, NtStatus.ACCESS_DENIED, grant, signer);
            }
            encrypt = globalEncrypt || share.encrypt() == EncryptPolicy.REQUIRED;
            desired = globalDesired || (share.encrypt() == EncryptPolicy.DESIRED && canEncrypt);
            if (encrypt && s.transform == null) {
                return d.error(h, NtStatus.ACCESS_DENIED, grant, signer);
            }
            access = share.readOnly() ? READ_ONLY : FULL;
            try {
                handler = d.ctx.disks().open(share);
            } catch (IOException e) {
                LOG.warn("share {}: {}", share.name(), e.toString());
                return d.error(h, NtStatus.BAD_NETWORK_NAME, grant, signer);
            }
        }
        int id = s.newTreeId();
        s.trees.put(id, new TreeConnection(id, shareName, handler, encrypt, ipc));
        ShareFlags flags = ipc ? ShareFlags.NO_CACHING : ShareFlags.NONE;
        if (encrypt || desired) {
            flags = ShareFlags.of(flags, ShareFlags.ENCRYPT_DATA);
        }
        return Dispatcher.send(Smb2Header.responseTo(h, NtStatus.SUCCESS, grant).withTreeId(id),
                new TreeConnectResponse(ipc ? ShareType.PIPE : ShareType.DISK, flags, ShareCapabilities.NONE, access),
                signer);
    }

    /** {@code guest ok} for guest and anonymous sessions, {@code valid users} for everybody. */
    static boolean allowed(ShareConfig share, Session s, ServerConfig config) {
        if ((s.guest || s.anonymous) && !share.guestOk()) {
            return false;
        }
        if (share.validUsers().isEmpty()) {
            return true;
        }
        String user = s.user.toLowerCase(Locale.ROOT);
        return share.validUsers().stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).equals(user));
    }
}
