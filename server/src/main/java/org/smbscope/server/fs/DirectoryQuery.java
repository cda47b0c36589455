package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.RequestContext;

/**
 * QUERY_DIRECTORY, [MS-SMB2] 3.3.5.18 and [MS-FSA] 2.1.5.6.3: the directory classes, wildcard patterns,
 * RESTART_SCANS / REOPEN / RETURN_SINGLE_ENTRY, entries packed 8-byte aligned up to the output length,
 * STATUS_NO_SUCH_FILE for a first query that matches nothing and STATUS_NO_MORE_FILES at the end. Entries
 * that are symbolic links leading out of the share are left out.
 */
final class DirectoryQuery {
    private final Share share;

    DirectoryQuery(Share share) {
        this.share = share;
    }

    QueryDirectoryResponse query(RequestContext ctx, QueryDirectoryRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (!o.directory) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (!o.has(Access.READ_DATA)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        FileInformationClass c = r.infoClass();
        if (!DirectoryInformation.isSupported(c)) {
            throw new Failure(NtStatus.INVALID_INFO_CLASS);
        }
        int max = Math.min(r.outputBufferLength(), ctx.maxTransactSize());
        if (max <= 0) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        synchronized (o) {
            DirectoryScan scan = o.scan();
            boolean restart = (r.flags() & (QueryDirectoryRequest.RESTART_SCANS | QueryDirectoryRequest.REOPEN)) != 0;
            if (scan == null || restart) {
                try {
                    scan = DirectoryScan.start(o.path(), r.pattern());
                } catch (IOException e) {
                    throw new Failure(IoStatus.of(e));
                }
                o.scan(scan);
            }
            boolean single = (r.flags() & QueryDirectoryRequest.RETURN_SINGLE_ENTRY) != 0;
            List<DirectoryEntry> out = new ArrayList<>();
            int used = 0;
            while (scan.cursor < scan.names.size()) {
                String name = scan.names.get(scan.cursor);
                if (!scan.pattern.matches(name)) {
                    scan.cursor++;
                    continue;
                }
                DirectoryEntry e = entry(c, o.path(), name);
                if (e == null) {
                    scan.cursor++;
                    continue;
                }
                int size = DirectoryInformation.encodedSize(c, e);
                int start = out.isEmpty() ? 0 : (used + 7) & ~7;
                if (start + size > max) {
                    if (out.isEmpty()) {
                        throw new Failure(NtStatus.INFO_LENGTH_MISMATCH);
                    }
                    break;
                }
                out.add(e);
                used = start + size;
                scan.cursor++;
                if (single) {
                    break;
                }
            }
            if (out.isEmpty()) {
                throw new Failure(scan.returnedAny ? NtStatus.NO_MORE_FILES : NtStatus.NO_SUCH_FILE);
            }
            scan.returnedAny = true;
            return new QueryDirectoryResponse(DirectoryInformation.encode(c, out));
        }
    }

    /** A name a Windows client can use: no control characters and none of \\ / : * ? " < > |. */
    static boolean representable(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || "\\/:*?\"<>|".indexOf(c) >= 0) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 255;
    }

    private DirectoryEntry entry(FileInformationClass c, Path dir, String name) {
        Path p;
        FileFacts.Stat st;
        try {
            if (name.equals(".")) {
                p = dir;
                st = FileFacts.stat(p);
            } else if (name.equals("..")) {
                p = dir.equals(share.paths.root()) ? dir : dir.getParent();
                st = FileFacts.stat(p);
            } else {
                if (!representable(name)) {
                    return null;
                }
                p = dir.resolve(name);
                // one lstat tells whether the entry is still there and whether it is a link (else it is what a
                // stat would show): a link must stay inside the share, and shows what it leads to
                st = FileFacts.stat(p, LinkOption.NOFOLLOW_LINKS);
                if (st.symbolicLink()) {
                    try {
                        share.paths.resolve(share.paths.smbName(p));
                    } catch (Failure f) {
                        return null;
                    }
                    st = FileFacts.stat(p);
                }
            }
        } catch (IOException e) {
            return null; // gone meanwhile, or a dangling link
        }
        FileFacts f = share.sparse(FileFacts.read(p, st, share.dos, share.xattr, share.files.meta), null, p);
        int cls = c.value();
        int eaSize = cls == 2 || cls == 3 || cls == 37 || cls == 38 ? share.files.eas.eaSize(p, st) : 0;
        return new DirectoryEntry(c, 0, f.creationTime(), f.lastAccessTime(), f.lastWriteTime(), f.changeTime(),
                f.endOfFile(), f.allocationSize(), f.attributes(), eaSize, "", f.indexNumber(), name);
    }
}
