package org.smbscope.codec.fscc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * File information classes, [MS-FSCC] 2.4, as used by SMB2 QUERY_INFO / SET_INFO with InfoType
 * FILE. {@link #decode} reads the class named by the request; {@link #encode} writes any record.
 * Trailing bytes after a fixed-size structure are ignored (servers may pad).
 */
public sealed interface FileInformation {
    FileInformationClass infoClass();

    void write(WireWriter w);

    /** 2.4.7 FileBasicInformation. */
    record Basic(FileTime creationTime, FileTime lastAccessTime, FileTime lastWriteTime, FileTime changeTime,
            Set<FileAttribute> attributes) implements FileInformation {
        public Basic {
            attributes = Set.copyOf(attributes);
        }

        public FileInformationClass infoClass() {
            return FileInformationClass.BASIC;
        }

        public void write(WireWriter w) {
            w.u64le(creationTime.value()).u64le(lastAccessTime.value()).u64le(lastWriteTime.value())
                    .u64le(changeTime.value()).u32le(FileAttribute.toMask(attributes)).u32le(0);
        }

        static Basic read(WireReader r) throws DecodeException {
            Basic b = new Basic(new FileTime(r.u64le("CreationTime")), new FileTime(r.u64le("LastAccessTime")),
                    new FileTime(r.u64le("LastWriteTime")), new FileTime(r.u64le("ChangeTime")),
                    FileAttribute.fromMask(r.i32le("FileAttributes")));
            r.skip("Reserved", 4);
            return b;
        }
    }

    /** 2.4.41 FileStandardInformation. */
    record Standard(long allocationSize, long endOfFile, long numberOfLinks, boolean deletePending,
            boolean directory) implements FileInformation {
        public FileInformationClass infoClass() {
            return FileInformationClass.STANDARD;
        }

        public void write(WireWriter w) {
            w.u64le(allocationSize).u64le(endOfFile).u32le(numberOfLinks).u8(deletePending ? 1 : 0)
                    .u8(directory ? 1 : 0).u16le(0);
        }

        static Standard read(WireReader r) throws DecodeException {
            Standard s = new Standard(r.u64le("AllocationSize"), r.u64le("EndOfFile"), r.u32le("NumberOfLinks"),
                    r.u8("DeletePending") != 0, r.u8("Directory") != 0);
            r.skip("Reserved", 2);
            return s;
        }
    }

    /** A class holding one number: Internal (IndexNumber, 8), Ea (EaSize, 4), Access (AccessFlags, 4),
     * Position (CurrentByteOffset, 8), Mode (4), Alignment (4), EndOfFile (8), Allocation (8). */
    record Value(FileInformationClass infoClass, long value) implements FileInformation {
        static int width(FileInformationClass c) {
            return switch (c.value()) {
                case 6, 14, 19, 20 -> 8;
                case 7, 8, 16, 17 -> 4;
                default -> -1;
            };
        }

        public Value {
            if (width(infoClass) < 0) {
                throw new IllegalArgumentException(infoClass.name() + " is not a single-value class");
            }
        }

        public void write(WireWriter w) {
            if (width(infoClass) == 8) {
                w.u64le(value);
            } else {
                w.u32le(value);
            }
        }
    }

    /** 2.4.28 FileNameInformation (also the name part of FileAllInformation). */
    record Name(String fileName) implements FileInformation {
        public FileInformationClass infoClass() {
            return FileInformationClass.NAME;
        }

        public void write(WireWriter w) {
            byte[] n = fileName.getBytes(StandardCharsets.UTF_16LE);
            w.u32le(n.length).bytes(n);
        }

        static Name read(WireReader r) throws DecodeException {
            long len = r.u32le("FileNameLength");
            if (len > r.remaining()) {
                throw r.fail("FileNameLength", "name length " + len + " beyond the buffer");
            }
            return new Name(r.utf16le("FileName", (int) len));
        }
    }

    /** 2.4.2 FileAllInformation. */
    record All(Basic basic, Standard standard, long indexNumber, long eaSize, long accessFlags,
            long currentByteOffset, long mode, long alignmentRequirement, String fileName) implements FileInformation {
        public FileInformationClass infoClass() {
            return FileInformationClass.ALL;
        }

        public void write(WireWriter w) {
            basic.write(w);
            standard.write(w);
            w.u64le(indexNumber).u32le(eaSize).u32le(accessFlags).u64le(currentByteOffset).u32le(mode)
                    .u32le(alignmentRequirement);
            new Name(fileName).write(w);
        }

        static All read(WireReader r) throws DecodeException {
            return new All(Basic.read(r), Standard.read(r), r.u64le("IndexNumber"), r.u32le("EaSize"),
                    r.u32le("AccessFlags"), r.u64le("CurrentByteOffset"), r.u32le("Mode"),
                    r.u32le("AlignmentRequirement"), Name.read(r).fileName());
        }
    }

    /** 2.4.29 FileNetworkOpenInformation. */
    record NetworkOpen(FileTime creationTime, FileTime lastAccessTime, FileTime lastWriteTime, FileTime changeTime,
            long allocationSize, long endOfFile, Set<FileAttribute> attributes) implements FileInformation {
        public NetworkOpen {
            attributes = Set.copyOf(attributes);
        }

        public FileInformationClass infoClass() {
            return FileInformationClass.NETWORK_OPEN;
        }

        public void write(WireWriter w) {
            w.u64le(creationTime.value()).u64le(lastAccessTime.value()).u64le(lastWriteTime.value())
                    .u64le(changeTime.value()).u64le(allocationSize).u64le(endOfFile)
                    .u32le(FileAttribute.toMask(attributes)).u32le(0);
        }

        static NetworkOpen read(WireReader r) throws DecodeException {
            NetworkOpen n = new NetworkOpen(new FileTime(r.u64le("CreationTime")),
                    new FileTime(r.u64le("LastAccessTime")), new FileTime(r.u64le("LastWriteTime")),
                    new FileTime(r.u64le("ChangeTime")), r.u64le("AllocationSize"), r.u64le("EndOfFile"),
                    FileAttribute.fromMask(r.i32le("FileAttributes")));
            r.skip("Reserved", 4);
            return n;
        }
    }

    /** One entry of 2.4.44 FileStreamInformation. */
    record Stream(String streamName, long streamSize, long streamAllocationSize) {
    }

    /** 2.4.44 FileStreamInformation: a NextEntryOffset chain of streams ("::$DATA", ":name:$DATA"). */
    record Streams(List<Stream> streams) implements FileInformation {
        public Streams {
            streams = List.copyOf(streams);
        }

        public FileInformationClass infoClass() {
            return FileInformationClass.STREAM;
        }

        public void write(WireWriter w) {
            for (int i = 0; i < streams.size(); i++) {
                Stream s = streams.get(i);
                int start = w.size();
                byte[] n = s.streamName().getBytes(StandardCharsets.UTF_16LE);
                w.u32le(0).u32le(n.length).u64le(s.streamSize()).u64le(s.streamAllocationSize()).bytes(n);
                if (i < streams.size() - 1) {
                    w.align(8);
                    w.patchU32le(start, w.size() - start);
                }
            }
        }

        static Streams read(WireReader all) throws DecodeException {
            List<Stream> list = new ArrayList<>();
            int at = 0;
            while (all.length() > 0) {
                if (list.size() >= DirectoryInformation.MAX_ENTRIES) {
                    throw all.fail("NextEntryOffset", "too many streams");
                }
                WireReader r = all.slice("Stream", at, all.length() - at);
                long next = r.u32le("NextEntryOffset");
                if (next != 0 && (next < 24 || (next & 7) != 0 || next > r.length())) {
                    throw r.fail("NextEntryOffset", "next entry offset " + next + " invalid");
                }
                WireReader e = r.slice("Stream", 4, (next == 0 ? r.length() : (int) next) - 4);
                long len = e.u32le("StreamNameLength");
                long size = e.u64le("StreamSize");
                long alloc = e.u64le("StreamAllocationSize");
                if (len > e.remaining()) {
                    throw e.fail("StreamNameLength", "name length " + len + " beyond the entry");
                }
                list.add(new Stream(e.utf16le("StreamName", (int) len), size, alloc));
                if (next == 0) {
                    break;
                }
                at += (int) next;
            }
            return new Streams(list);
        }
    }

    /** 2.4.13 FileDispositionInformation (SET_INFO: delete on close). */
    record Disposition(boolean deletePending) implements FileInformation {
        public FileInformationClass infoClass() {
            return FileInformationClass.DISPOSITION;
        }

        public void write(WireWriter w) {
            w.u8(deletePending ? 1 : 0);
        }
    }

    /** 2.4.37.2 FileRenameInformation, SMB2 form: the new name is relative to the share root. */
    record Rename(boolean replaceIfExists, long rootDirectory, String fileName) implements FileInformation {
        public FileInformationClass infoClass() {
            return FileInformationClass.RENAME;
        }

        public void write(WireWriter w) {
            byte[] n = fileName.getBytes(StandardCharsets.UTF_16LE);
            w.u8(replaceIfExists ? 1 : 0).zeros(7).u64le(rootDirectory).u32le(n.length).bytes(n);
        }

        static Rename read(WireReader r) throws DecodeException {
            boolean replace = r.u8("ReplaceIfExists") != 0;
            r.skip("Reserved", 7);
            long root = r.u64le("RootDirectory");
            return new Rename(replace, root, Name.read(r).fileName());
        }
    }

    /** 2.4.6 FileAttributeTagInformation. */
    record AttributeTag(Set<FileAttribute> attributes, int reparseTag) implements FileInformation {
        public AttributeTag {
            attributes = Set.copyOf(attributes);
        }

        public FileInformationClass infoClass() {
            return FileInformationClass.ATTRIBUTE_TAG;
        }

        public void write(WireWriter w) {
            w.u32le(FileAttribute.toMask(attributes)).u32le(reparseTag & 0xFFFFFFFFL);
        }
    }

    static FileInformation read(FileInformationClass c, WireReader r) throws DecodeException {
        return switch (c.value()) {
            case 4 -> Basic.read(r);
            case 5 -> Standard.read(r);
            case 6, 14, 19, 20 -> new Value(c, r.u64le(c.name()));
            case 7, 8, 16, 17 -> new Value(c, r.u32le(c.name()));
            case 9 -> Name.read(r);
            case 10 -> Rename.read(r);
            case 13 -> new Disposition(r.u8("DeletePending") != 0);
            case 18 -> All.read(r);
            case 22 -> Streams.read(r);
            case 34 -> NetworkOpen.read(r);
            case 35 -> new AttributeTag(FileAttribute.fromMask(r.i32le("FileAttributes")), r.i32le("ReparseTag"));
            default -> throw r.fail("FileInformationClass", c.name() + " is not supported");
        };
    }

    static FileInformation decode(FileInformationClass c, byte[] buffer) throws FsccDecodeException {
        try {
            return read(c, WireReader.of(buffer, FsccDecodeException::new));
        } catch (FsccDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new FsccDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    static byte[] encode(FileInformation info) {
        WireWriter w = new WireWriter();
        info.write(w);
        return w.toByteArray();
    }
}
