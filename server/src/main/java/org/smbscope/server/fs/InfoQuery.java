package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.fscc.FsInformation;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * QUERY_INFO, [MS-SMB2] 3.3.5.20: the file classes ([MS-FSCC] 2.4), the file system classes (2.5) and the
 * security descriptor. An output buffer shorter than a class's fixed part is STATUS_INFO_LENGTH_MISMATCH;
 * one that cuts a variable part is STATUS_BUFFER_OVERFLOW with what fits; a security descriptor that does
 * not fit is STATUS_BUFFER_TOO_SMALL with the needed size.
 */
final class InfoQuery {
    /** FILE_CASE_SENSITIVE_SEARCH | FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK | FILE_PERSISTENT_ACLS
     * | FILE_SUPPORTS_SPARSE_FILES. */
    static final int FS_ATTRIBUTES = 0x1 | 0x2 | 0x4 | 0x8 | 0x40;
    static final int FILE_READ_ONLY_VOLUME = 0x80000;
    static final int FILE_DEVICE_DISK = 0x7;
    static final int FILE_DEVICE_IS_MOUNTED = 0x20;

    /** STATUS_NO_EAS_ON_FILE: extended attributes are not kept. */
    static final NtStatus NO_EAS_ON_FILE = new NtStatus(0xC0000052);

    private final Share share;

    InfoQuery(Share share) {
        this.share = share;
    }

    Outcome query(RequestContext ctx, QueryInfoRequest r) throws Failure {
        Open o = share.open(r.fileId());
        int max = Math.min(r.outputBufferLength(), ctx.maxTransactSize());
        if (r.infoType().equals(InfoType.FILE)) {
            if (r.infoClass() == 48 && !ctx.dialect().equals(org.smbscope.codec.smb2.Smb2Dialect.SMB_3_1_1)) {
                // 3.3.5.20.1: FileNormalizedNameInformation is for 3.1.1 connections only
                throw new Failure(NtStatus.NOT_SUPPORTED);
            }
            if (r.infoClass() == 15) {
                return new EaCommands(share).query(o, r, max);
            }
            byte[] out = file(o, r.infoClass());
            if (r.infoClass() == 22 && out.length > max && max >= 32) {
                Outcome whole = StreamInfo.overflow(out, max);
                if (whole != null) {
                    return whole;
                }
            }
            return fit(out, minimumFile(r.infoClass()), max);
        }
        if (r.infoType().equals(InfoType.FILESYSTEM)) {
            return fit(fs(r.infoClass()), minimumFs(r.infoClass()), max);
        }
        if (r.infoType().equals(InfoType.SECURITY)) {
            int asked = r.additionalInformation() & (SecurityDescriptors.OWNER | SecurityDescriptors.GROUP
                    | SecurityDescriptors.DACL);
            if (asked != 0 && !o.has(Access.READ_CONTROL)) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            if ((r.additionalInformation() & SecurityDescriptors.SACL) != 0 && !o.has(Access.ACCESS_SYSTEM_SECURITY)) {
                // the SACL needs ACCESS_SYSTEM_SECURITY, which CREATE never grants (no SeSecurityPrivilege)
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            SdParts stored = share.files.security.read(o.path());
            byte[] sd = (stored != null ? stored : SecurityDescriptors.defaults(share.readOnly, o.directory))
                    .write(r.additionalInformation());
            if (sd.length > max) {
                WireWriter w = new WireWriter();
                w.u32le(sd.length);
                return new Outcome.Done(NtStatus.BUFFER_TOO_SMALL,
                        new ErrorResponse(Smb2Command.QUERY_INFO, 0, w.toByteArray()));
            }
            return Outcome.Done.ok(new QueryInfoResponse(sd));
        }
        if (r.infoType().equals(InfoType.QUOTA)) {
            throw new Failure(NtStatus.NOT_SUPPORTED);
        }
        throw new Failure(NtStatus.INVALID_PARAMETER);
    }

    private static Outcome fit(byte[] out, int minimum, int max) throws Failure {
        if (max < minimum) {
            throw new Failure(NtStatus.INFO_LENGTH_MISMATCH);
        }
        if (out.length > max) {
            return new Outcome.Done(NtStatus.BUFFER_OVERFLOW, new QueryInfoResponse(Arrays.copyOf(out, max)));
        }
        return Outcome.Done.ok(new QueryInfoResponse(out));
    }

    private static int minimumFile(int c) {
        return switch (c) {
            case 4 -> 40;
            case 5 -> 24;
            case 6, 14, 21 -> 8;
            case 59 -> 24;
            case 7, 8, 16, 17, 9, 48 -> 4;
            case 18 -> 104;
            case 22 -> 32;
            case 28 -> 16;
            case 34 -> 56;
            case 35 -> 8;
            default -> 0;
        };
    }

    private static int minimumFs(int c) {
        return switch (c) {
            case 1 -> 24;
            case 3 -> 24;
            case 4 -> 8;
            case 5 -> 16;
            case 6 -> 48;
            case 8 -> 64;
            case 7 -> 32;
            case 11 -> 28;
            default -> 0;
        };
    }

    private byte[] file(Open o, int c) throws Failure {
        if ((c == 4 || c == 18 || c == 34 || c == 35) && !o.has(Access.READ_ATTRIBUTES)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        Path p = o.path();
        FileFacts f = StreamOpens.sized(share.facts(p), o);
        FileInformation.Basic basic = new FileInformation.Basic(f.creationTime(), f.lastAccessTime(),
                f.lastWriteTime(), f.changeTime(), f.attributes());
        boolean deletePending;
        share.files.lock.lock();
        try {
            deletePending = o.state.deletePending || o.deleteOnClose() || (o.stream != null
                    && o.state.streamDeletes.contains(org.smbscope.server.share.StreamName.key(o.stream)));
        } finally {
            share.files.lock.unlock();
        }
        FileInformation.Standard standard = new FileInformation.Standard(f.allocationSize(), f.endOfFile(),
                f.links(), deletePending, f.directory());
        String name = share.paths.smbName(p) + (o.stream != null ? ":" + o.stream : "");
        FileInformation info = switch (c) {
            case 4 -> basic;
            case 5 -> standard;
            case 6 -> new FileInformation.Value(FileInformationClass.INTERNAL, f.indexNumber());
            case 7 -> new FileInformation.Value(FileInformationClass.EA, share.files.eas.eaSize(p));
            case 8 -> new FileInformation.Value(FileInformationClass.ACCESS, o.granted & 0xFFFFFFFFL);
            case 9 -> new FileInformation.Name("\\" + name);
            case 14 -> new FileInformation.Value(FileInformationClass.POSITION, o.position());
            case 16 -> new FileInformation.Value(FileInformationClass.MODE, o.mode);
            case 17 -> new FileInformation.Value(FileInformationClass.ALIGNMENT, 0);
            case 18 -> new FileInformation.All(basic, standard, f.indexNumber(), share.files.eas.eaSize(p),
                    o.granted & 0xFFFFFFFFL,
                    o.position(), o.mode, 0, "\\" + name);
            case 21 -> new FileInformation.Name(shortName(p));
            case 22 -> new FileInformation.Streams(StreamInfo.list(share, p));
            case 34 -> new FileInformation.NetworkOpen(f.creationTime(), f.lastAccessTime(), f.lastWriteTime(),
                    f.changeTime(), f.allocationSize(), f.endOfFile(), f.attributes());
            case 35 -> new FileInformation.AttributeTag(f.attributes(), 0);
            case 48 -> new FileInformation.Name(name);
            case 28, 59 -> null;
            default -> throw new Failure(NtStatus.INVALID_INFO_CLASS);
        };
        WireWriter w = new WireWriter();
        if (info == null && c == 59) {
            // 2.4.21 FileIdInformation: VolumeSerialNumber (8) and a 128-bit FileId
            w.u64le(share.paths.root().toString().hashCode() & 0xFFFFFFFFL).u64le(f.indexNumber()).u64le(0);
            return w.toByteArray();
        }
        if (info == null) {
            // 2.4.9 FileCompressionInformation: uncompressed
            w.u64le(f.endOfFile()).u16le(0).u8(0).u8(0).u8(0).zeros(3);
        } else {
            info.write(w);
        }
        return w.toByteArray();
    }

    /** An 8.3 name: the name itself when it is one, else the first letters, "~1" and the extension. */
    static String shortName(Path p) {
        Path fn = p.getFileName();
        String name = fn == null ? "" : fn.toString();
        String upper = name.toUpperCase(Locale.ROOT);
        int dot = upper.lastIndexOf('.');
        String base = dot > 0 ? upper.substring(0, dot) : upper;
        String ext = dot > 0 ? upper.substring(dot + 1) : "";
        boolean valid = !base.isEmpty() && base.length() <= 8 && ext.length() <= 3 && upper.indexOf('.') == dot
                && upper.chars().allMatch(ch -> ch < 128 && ch != ' ' && "+,;=[]".indexOf(ch) < 0);
        if (valid) {
            return upper;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : base.toCharArray()) {
            if (b.length() == 6) {
                break;
            }
            if (Character.isLetterOrDigit(ch) && ch < 128) {
                b.append(ch);
            }
        }
        if (b.isEmpty()) {
            b.append('_');
        }
        b.append("~1");
        StringBuilder e = new StringBuilder();
        for (char ch : ext.toCharArray()) {
            if (e.length() == 3) {
                break;
            }
            if (Character.isLetterOrDigit(ch) && ch < 128) {
                e.append(ch);
            }
        }
        return e.isEmpty() ? b.toString() : b + "." + e;
    }

    private byte[] fs(int c) throws Failure {
        Path root = share.paths.root();
        long total = 0;
        long usable = 0;
        long free = 0;
        if (c == 3 || c == 7) {
            try {
                FileStore store = Files.getFileStore(root);
                total = store.getTotalSpace();
                usable = store.getUsableSpace();
                free = store.getUnallocatedSpace();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // sizes stay 0
            }
        }
        long unit = FileFacts.CLUSTER;
        FsInformation info = switch (c) {
            case 1 -> {
                FileFacts f = share.facts(root);
                yield new FsInformation.Volume(f.creationTime(), root.toString().hashCode(), false, "");
            }
            case 3 -> new FsInformation.Size(total / unit, usable / unit, unit / 512, 512);
            case 4 -> new FsInformation.Device(FILE_DEVICE_DISK, FILE_DEVICE_IS_MOUNTED);
            case 5 -> new FsInformation.Attribute(FS_ATTRIBUTES | (share.readOnly ? FILE_READ_ONLY_VOLUME : 0), 255,
                    "NTFS");
            case 7 -> new FsInformation.FullSize(total / unit, usable / unit, free / unit, unit / 512, 512);
            case 11 -> new FsInformation.SectorSize(512, 4096, 4096, 4096, 0x3, 0, 0);
            case 8 -> {
                byte[] id = new byte[16];
                int serial = root.toString().hashCode();
                for (int i = 0; i < 4; i++) {
                    id[i] = (byte) (serial >>> (8 * i));
                }
                yield new FsInformation.ObjectId(id, new byte[48]);
            }
            case 6 -> null;
            default -> throw new Failure(NtStatus.INVALID_INFO_CLASS);
        };
        WireWriter w = new WireWriter();
        if (info == null) {
            // 2.5.2 FileFsControlInformation: no quotas; default threshold and limit "none"
            w.u64le(0).u64le(0).u64le(0).u64le(-1L).u64le(-1L).u32le(0).u32le(0);
        } else {
            info.write(w);
        }
        return w.toByteArray();
    }

    static boolean isReadOnly(FileFacts f) {
        return f.attributes().contains(FileAttribute.READONLY);
    }
}
