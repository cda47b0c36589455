package org.smbscope.server.smb1;

import java.nio.file.Path;
import org.smbscope.server.fs.DiskTreeHandler;
import org.smbscope.server.share.ShareRoot;

/**
 * An SMB1 dispatcher with alice's valid session (UID 100) connected to a disk share (TID 1) in
 * {@code dir/share}: what the {@link Smb1Files} command tests drive.
 */
record Smb1ShareFixture(Path share, Smb1Files files, Smb1Dispatcher.Tree tree, Smb1Dispatcher.Session session) {
    static Smb1ShareFixture start(Path dir) throws Exception {
        Smb1Dispatcher d = Smb1TestPeer.dispatcher(Smb1TestPeer.config(dir, ""));
        Path share = dir.resolve("share");
        Smb1Dispatcher.Tree tree = new Smb1Dispatcher.Tree(1, "share",
                new DiskTreeHandler(ShareRoot.of(share), false, Smb1TestPeer.CLOCK), false, false);
        Smb1Dispatcher.Session session = new Smb1Dispatcher.Session(100);
        session.valid = true;
        session.user = "alice";
        session.trees.put(tree.tid(), tree);
        d.sessions.put(session.uid, session);
        return new Smb1ShareFixture(share, d.files, tree, session);
    }
}
