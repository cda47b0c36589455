package org.smbscope.codec.smb1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * TRANSACTION2 subcommands ([MS-CIFS] 2.2.6): the Trans2_Parameters of requests and responses for
 * FIND_FIRST2, FIND_NEXT2, QUERY_FS_INFORMATION, QUERY_PATH_INFORMATION, QUERY_FILE_INFORMATION and
 * SET_FILE_INFORMATION, and the info levels clients use. The subcommand is setup[0] of a
 * {@link TransactionRequest}; the parameters are its {@code parameters()}. Info levels ≥ 1000
 * (pass-through, [MS-SMB] 2.2.2.3.5) and other levels stay opaque bytes.
 */
public final class Trans2 {
    public static final int FIND_FIRST2 = 0x0001;
    public static final int FIND_NEXT2 = 0x0002;
    public static final int QUERY_FS_INFORMATION = 0x0003;
    public static final int QUERY_PATH_INFORMATION = 0x0005;
    public static final int SET_PATH_INFORMATION = 0x0006;
    public static final int QUERY_FILE_INFORMATION = 0x0007;
    public static final int SET_FILE_INFORMATION = 0x0008;
    public static final int GET_DFS_REFERRAL = 0x0010;

    public static final int SMB_FIND_FILE_BOTH_DIRECTORY_INFO = 0x0104;
    public static final int SMB_QUERY_FILE_BASIC_INFO = 0x0101;
    public static final int SMB_QUERY_FILE_STANDARD_INFO = 0x0102;
    public static final int SMB_QUERY_FILE_ALL_INFO = 0x0107;
    public static final int SMB_INFO_PASSTHROUGH = 1000;

    private Trans2() {
    }

    public static String subcommandName(int sub) {
        return switch (sub) {
            case FIND_FIRST2 -> "FIND_FIRST2";
            case FIND_NEXT2 -> "FIND_NEXT2";
            case QUERY_FS_INFORMATION -> "QUERY_FS_INFORMATION";
            case QUERY_PATH_INFORMATION -> "QUERY_PATH_INFORMATION";
            case SET_PATH_INFORMATION -> "SET_PATH_INFORMATION";
            case QUERY_FILE_INFORMATION -> "QUERY_FILE_INFORMATION";
            case SET_FILE_INFORMATION -> "SET_FILE_INFORMATION";
            case GET_DFS_REFERRAL -> "GET_DFS_REFERRAL";
            default -> String.format("UNKNOWN(0x%04x)", sub);
        };
    }

    static WireReader reader(byte[] b) {
        return WireReader.of(b, Smb1DecodeException::new);
    }

    static String name(WireReader r, boolean unicode, String field) throws DecodeException {
        return Smb1Strings.read(r, 0, unicode, false, field);
    }

    static void name(WireWriter w, String s, boolean unicode) {
        Smb1Strings.write(w, 0, s, unicode, false);
    }

    /** [MS-CIFS] 2.2.6.2.1 TRANS2_FIND_FIRST2 Request parameters. */
    public record FindFirst2Request(int searchAttributes, int searchCount, int flags, int informationLevel,
            long searchStorageType, String fileName) {
        public static FindFirst2Request decode(byte[] params, boolean unicode) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                return new FindFirst2Request(r.u16le("SearchAttributes"), r.u16le("SearchCount"), r.u16le("Flags"),
                        r.u16le("InformationLevel"), r.u32le("SearchStorageType"), name(r, unicode, "FileName"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode(boolean unicode) {
            WireWriter w = new WireWriter().u16le(searchAttributes).u16le(searchCount).u16le(flags)
                    .u16le(informationLevel).u32le(searchStorageType);
            name(w, fileName, unicode);
            return w.toByteArray();
        }
    }

    /** [MS-CIFS] 2.2.6.2.2 TRANS2_FIND_FIRST2 Response parameters ({@code sid} is 0 in FIND_NEXT2 responses). */
    public record FindResponse(int sid, int searchCount, boolean endOfSearch, int eaErrorOffset, int lastNameOffset) {
        public static FindResponse decodeFirst(byte[] params) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                return new FindResponse(r.u16le("SID"), r.u16le("SearchCount"), r.u16le("EndOfSearch") != 0,
                        r.u16le("EaErrorOffset"), r.u16le("LastNameOffset"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public static FindResponse decodeNext(byte[] params) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                return new FindResponse(0, r.u16le("SearchCount"), r.u16le("EndOfSearch") != 0,
                        r.u16le("EaErrorOffset"), r.u16le("LastNameOffset"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encodeFirst() {
            return new WireWriter().u16le(sid).u16le(searchCount).u16le(endOfSearch ? 1 : 0).u16le(eaErrorOffset)
                    .u16le(lastNameOffset).toByteArray();
        }

        public byte[] encodeNext() {
            return new WireWriter().u16le(searchCount).u16le(endOfSearch ? 1 : 0).u16le(eaErrorOffset)
                    .u16le(lastNameOffset).toByteArray();
        }
    }

    /** [MS-CIFS] 2.2.6.3.1 TRANS2_FIND_NEXT2 Request parameters. */
    public record FindNext2Request(int sid, int searchCount, int informationLevel, long resumeKey, int flags,
            String fileName) {
        public static FindNext2Request decode(byte[] params, boolean unicode) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                return new FindNext2Request(r.u16le("SID"), r.u16le("SearchCount"), r.u16le("InformationLevel"),
                        r.u32le("ResumeKey"), r.u16le("Flags"), name(r, unicode, "FileName"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode(boolean unicode) {
            WireWriter w = new WireWriter().u16le(sid).u16le(searchCount).u16le(informationLevel).u32le(resumeKey)
                    .u16le(flags);
            name(w, fileName, unicode);
            return w.toByteArray();
        }
    }

    /** QUERY_PATH_INFORMATION ([MS-CIFS] 2.2.6.6.1): InformationLevel, Reserved, FileName. */
    public record QueryPathInformationRequest(int informationLevel, String fileName) {
        public static QueryPathInformationRequest decode(byte[] params, boolean unicode) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                int level = r.u16le("InformationLevel");
                r.skip("Reserved", 4);
                return new QueryPathInformationRequest(level, name(r, unicode, "FileName"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode(boolean unicode) {
            WireWriter w = new WireWriter().u16le(informationLevel).u32le(0);
            name(w, fileName, unicode);
            return w.toByteArray();
        }
    }

    /** QUERY_FILE_INFORMATION ([MS-CIFS] 2.2.6.8.1): FID, InformationLevel. */
    public record QueryFileInformationRequest(int fid, int informationLevel) {
        public static QueryFileInformationRequest decode(byte[] params) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                return new QueryFileInformationRequest(r.u16le("FID"), r.u16le("InformationLevel"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode() {
            return new WireWriter().u16le(fid).u16le(informationLevel).toByteArray();
        }
    }

    /** QUERY_FS_INFORMATION ([MS-CIFS] 2.2.6.4.1): InformationLevel. */
    public record QueryFsInformationRequest(int informationLevel) {
        public static QueryFsInformationRequest decode(byte[] params) throws Smb1DecodeException {
            try {
                return new QueryFsInformationRequest(reader(params).u16le("InformationLevel"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode() {
            return new WireWriter().u16le(informationLevel).toByteArray();
        }
    }

    /** SET_FILE_INFORMATION ([MS-CIFS] 2.2.6.9.1): FID, InformationLevel, Reserved; the data is the info. */
    public record SetFileInformationRequest(int fid, int informationLevel) {
        public static SetFileInformationRequest decode(byte[] params) throws Smb1DecodeException {
            try {
                WireReader r = reader(params);
                return new SetFileInformationRequest(r.u16le("FID"), r.u16le("InformationLevel"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode() {
            return new WireWriter().u16le(fid).u16le(informationLevel).u16le(0).toByteArray();
        }
    }

    /** SMB_FIND_FILE_BOTH_DIRECTORY_INFO (0x104). [MS-CIFS] 2.2.8.1.7. */
    public record FindFileBothDirectoryInfo(long fileIndex, long creationTime, long lastAccessTime,
            long lastWriteTime, long changeTime, long endOfFile, long allocationSize, long extFileAttributes,
            long eaSize, String shortName, String fileName) {
        static final int FIXED = 94;

        /** Walks the NextEntryOffset chain; each offset must move forward and stay in {@code data}. */
        public static List<FindFileBothDirectoryInfo> decodeAll(byte[] data, int count, boolean unicode)
                throws Smb1DecodeException {
            try {
                WireReader all = reader(data);
                List<FindFileBothDirectoryInfo> out = new ArrayList<>();
                int pos = 0;
                for (int i = 0; i < count; i++) {
                    all.seek("NextEntryOffset", pos);
                    WireReader r = all.slice("Entry", pos, data.length - pos);
                    long next = r.u32le("NextEntryOffset");
                    long index = r.u32le("FileIndex");
                    long c = r.u64le("CreationTime");
                    long a = r.u64le("LastAccessTime");
                    long w = r.u64le("LastWriteTime");
                    long ch = r.u64le("LastChangeTime");
                    long eof = r.u64le("EndOfFile");
                    long alloc = r.u64le("AllocationSize");
                    long attrs = r.u32le("ExtFileAttributes");
                    long nameLen = r.u32le("FileNameLength");
                    long ea = r.u32le("EaSize");
                    int shortLen = r.u8("ShortNameLength");
                    r.skip("Reserved", 1);
                    byte[] shortRaw = r.bytes("ShortName", 24);
                    if (shortLen > 24) {
                        throw r.fail("ShortNameLength", "short name length " + shortLen + " > 24");
                    }
                    if (nameLen > r.remaining()) {
                        throw r.fail("FileNameLength", "file name length " + nameLen + " past the entry");
                    }
                    byte[] nameRaw = r.bytes("FileName", (int) nameLen);
                    String name = decodeName(nameRaw, unicode);
                    String shortName = new String(shortRaw, 0, unicode ? shortLen & ~1 : shortLen,
                            unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                    out.add(new FindFileBothDirectoryInfo(index, c, a, w, ch, eof, alloc, attrs, ea, shortName, name));
                    if (next == 0) {
                        break;
                    }
                    if (next < FIXED || next > data.length - pos) {
                        throw all.fail("NextEntryOffset", "NextEntryOffset " + next + " at entry " + i
                                + " does not lead to a further entry inside the " + data.length + "-byte buffer");
                    }
                    pos += (int) next;
                }
                return out;
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        private static String decodeName(byte[] raw, boolean unicode) {
            String s = new String(raw, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
            int nul = s.indexOf('\0');
            return nul >= 0 ? s.substring(0, nul) : s;
        }

        /** Encodes entries back to back, 8-byte aligned, with NextEntryOffset chaining (0 in the last). */
        public static byte[] encodeAll(List<FindFileBothDirectoryInfo> entries, boolean unicode) {
            WireWriter w = new WireWriter();
            for (int i = 0; i < entries.size(); i++) {
                FindFileBothDirectoryInfo e = entries.get(i);
                int start = w.size();
                byte[] name = e.fileName.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                byte[] shortName = e.shortName.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                byte[] shortField = java.util.Arrays.copyOf(shortName, 24);
                w.u32le(0).u32le(e.fileIndex).u64le(e.creationTime).u64le(e.lastAccessTime).u64le(e.lastWriteTime)
                        .u64le(e.changeTime).u64le(e.endOfFile).u64le(e.allocationSize).u32le(e.extFileAttributes)
                        .u32le(name.length).u32le(e.eaSize).u8(Math.min(24, shortName.length)).u8(0).bytes(shortField)
                        .bytes(name);
                if (i < entries.size() - 1) {
                    w.align(8);
                    w.patchU32le(start, w.size() - start);
                }
            }
            return w.toByteArray();
        }
    }

    /** SMB_QUERY_FILE_BASIC_INFO (0x101). [MS-CIFS] 2.2.8.3.6. */
    public record FileBasicInfo(long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
            long extFileAttributes) {
        public static FileBasicInfo decode(byte[] data) throws Smb1DecodeException {
            try {
                WireReader r = reader(data);
                return new FileBasicInfo(r.u64le("CreationTime"), r.u64le("LastAccessTime"),
                        r.u64le("LastWriteTime"), r.u64le("LastChangeTime"), r.u32le("ExtFileAttributes"));
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode() {
            return new WireWriter().u64le(creationTime).u64le(lastAccessTime).u64le(lastWriteTime).u64le(changeTime)
                    .u32le(extFileAttributes).u32le(0).toByteArray();
        }
    }

    /** SMB_QUERY_FILE_STANDARD_INFO (0x102). [MS-CIFS] 2.2.8.3.7. */
    public record FileStandardInfo(long allocationSize, long endOfFile, long numberOfLinks, boolean deletePending,
            boolean directory) {
        public static FileStandardInfo decode(byte[] data) throws Smb1DecodeException {
            try {
                WireReader r = reader(data);
                return new FileStandardInfo(r.u64le("AllocationSize"), r.u64le("EndOfFile"),
                        r.u32le("NumberOfLinks"), r.u8("DeletePending") != 0, r.u8("Directory") != 0);
            } catch (DecodeException e) {
                throw Smb1Strings.wrap(e);
            }
        }

        public byte[] encode() {
            return new WireWriter().u64le(allocationSize).u64le(endOfFile).u32le(numberOfLinks)
                    .u8(deletePending ? 1 : 0).u8(directory ? 1 : 0).toByteArray();
        }
    }
}
