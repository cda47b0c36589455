package org.smbscope.codec.srvsvc;

import org.smbscope.codec.wire.Detail;

/**
 * One share as SHARE_INFO_0, _1 or _2 ([MS-SRVS] 2.2.4.22, 2.2.4.23, 2.2.4.24); fields the level
 * does not carry are null or 0.
 */
public record ShareInfo(int level, String name, ShareType type, String remark, long permissions, long maxUses,
                        long currentUses, String path, String password) {
    public static ShareInfo level0(String name) {
        return new ShareInfo(0, name, null, null, 0, 0, 0, null, null);
    }

    public static ShareInfo level1(String name, ShareType type, String remark) {
        return new ShareInfo(1, name, type, remark, 0, 0, 0, null, null);
    }

    public static ShareInfo level2(String name, ShareType type, String remark, long permissions, long maxUses,
                                   long currentUses, String path, String password) {
        return new ShareInfo(2, name, type, remark, permissions, maxUses, currentUses, path, password);
    }

    Detail detail() {
        Detail d = Detail.of("SHARE_INFO_" + level).field("Name", name);
        if (level >= 1) {
            d.field("Type", type).field("Comment", remark);
        }
        if (level == 2) {
            d.field("Permissions", permissions).field("Max Uses", maxUses == 0xFFFFFFFFL ? "unlimited" : maxUses)
                    .field("Current Uses", currentUses).field("Path", path).field("Password", password);
        }
        return d;
    }
}
