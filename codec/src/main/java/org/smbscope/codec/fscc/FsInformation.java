package org.smbscope.codec.fscc;

import java.nio.charset.StandardCharsets;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * File system information classes, [MS-FSCC] 2.5, as used by SMB2 QUERY_INFO with InfoType
 * FILESYSTEM. {@link #decode} / {@link #encode}.
 */
public sealed interface FsInformation {
    FsInformationClass infoClass();

    void write(WireWriter w);

    /** 2.5.9 FileFsVolumeInformation. */
    record Volume(FileTime creationTime, int serialNumber, boolean supportsObjects, String label)
            implements FsInformation {
        public FsInformationClass infoClass() {
            return FsInformationClass.VOLUME;
        }

        public void write(WireWriter w) {
            byte[] l = label.getBytes(StandardCharsets.UTF_16LE);
            w.u64le(creationTime.value()).u32le(serialNumber & 0xFFFFFFFFL).u32le(l.length)
                    .u8(supportsObjects ? 1 : 0).u8(0).bytes(l);
        }
    }

    /** 2.5.8 FileFsSizeInformation. */
    record Size(long totalAllocationUnits, long availableAllocationUnits, long sectorsPerAllocationUnit,
            long bytesPerSector) implements FsInformation {
        public FsInformationClass infoClass() {
            return FsInformationClass.SIZE;
        }

        public void write(WireWriter w) {
            w.u64le(totalAllocationUnits).u64le(availableAllocationUnits).u32le(sectorsPerAllocationUnit)
                    .u32le(bytesPerSector);
        }
    }

    /** 2.5.4 FileFsFullSizeInformation. */
    record FullSize(long totalAllocationUnits, long callerAvailableAllocationUnits,
            long actualAvailableAllocationUnits, long sectorsPerAllocationUnit, long bytesPerSector)
            implements FsInformation {
        public FsInformationClass infoClass() {
            return FsInformationClass.FULL_SIZE;
        }

        public void write(WireWriter w) {
            w.u64le(totalAllocationUnits).u64le(callerAvailableAllocationUnits).u64le(actualAvailableAllocationUnits)
                    .u32le(sectorsPerAllocationUnit).u32le(bytesPerSector);
        }
    }

    /** 2.5.10 FileFsDeviceInformation. */
    record Device(int deviceType, int characteristics) implements FsInformation {
        public FsInformationClass infoClass() {
            return FsInformationClass.DEVICE;
        }

        public void write(WireWriter w) {
            w.u32le(deviceType & 0xFFFFFFFFL).u32le(characteristics & 0xFFFFFFFFL);
        }
    }

    /** 2.5.1 FileFsAttributeInformation ("NTFS", max component length...). */
    record Attribute(int fileSystemAttributes, int maximumComponentNameLength, String fileSystemName)
            implements FsInformation {
        public FsInformationClass infoClass() {
            return FsInformationClass.ATTRIBUTE;
        }

        public void write(WireWriter w) {
            byte[] n = fileSystemName.getBytes(StandardCharsets.UTF_16LE);
            w.u32le(fileSystemAttributes & 0xFFFFFFFFL).u32le(maximumComponentNameLength & 0xFFFFFFFFL)
                    .u32le(n.length).bytes(n);
        }
    }

    /** 2.5.7 FileFsSectorSizeInformation: seven 32-bit fields. */
    record SectorSize(int logicalBytesPerSector, int physicalBytesPerSectorForAtomicity,
            int physicalBytesPerSectorForPerformance, int effectivePhysicalBytesPerSectorForAtomicity, int flags,
            int byteOffsetForSectorAlignment, int byteOffsetForPartitionAlignment) implements FsInformation {
        public FsInformationClass infoClass() {
            return FsInformationClass.SECTOR_SIZE;
        }

        public void write(WireWriter w) {
            for (int v : new int[] {logicalBytesPerSector, physicalBytesPerSectorForAtomicity,
                physicalBytesPerSectorForPerformance, effectivePhysicalBytesPerSectorForAtomicity, flags,
                byteOffsetForSectorAlignment, byteOffsetForPartitionAlignment}) {
                w.u32le(v & 0xFFFFFFFFL);
            }
        }
    }

    /** 2.5.6 FileFsObjectIdInformation: ObjectId (16) and ExtendedInfo (48), kept as bytes. */
    record ObjectId(byte[] objectId, byte[] extendedInfo) implements FsInformation {
        public ObjectId {
            if (objectId.length != 16 || extendedInfo.length != 48) {
                throw new IllegalArgumentException("ObjectId is 16 bytes, ExtendedInfo 48");
            }
            objectId = objectId.clone();
            extendedInfo = extendedInfo.clone();
        }

        @Override
        public byte[] objectId() {
            return objectId.clone();
        }

        @Override
        public byte[] extendedInfo() {
            return extendedInfo.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ObjectId x && java.util.Arrays.equals(objectId, x.objectId)
                    && java.util.Arrays.equals(extendedInfo, x.extendedInfo);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(objectId);
        }

        public FsInformationClass infoClass() {
            return FsInformationClass.OBJECT_ID;
        }

        public void write(WireWriter w) {
            w.bytes(objectId).bytes(extendedInfo);
        }
    }

    private static String name(WireReader r, String field, long len) throws DecodeException {
        if (len > r.remaining()) {
            throw r.fail(field, "name length " + len + " beyond the buffer (" + r.remaining() + " left)");
        }
        return r.utf16le(field, (int) len);
    }

    static FsInformation decode(FsInformationClass c, byte[] buffer) throws FsccDecodeException {
        WireReader r = WireReader.of(buffer, FsccDecodeException::new);
        try {
            return switch (c.value()) {
                case 1 -> {
                    FileTime t = new FileTime(r.u64le("VolumeCreationTime"));
                    int serial = r.i32le("VolumeSerialNumber");
                    long len = r.u32le("VolumeLabelLength");
                    boolean objects = r.u8("SupportsObjects") != 0;
                    r.skip("Reserved", 1);
                    yield new Volume(t, serial, objects, name(r, "VolumeLabel", len));
                }
                case 3 -> new Size(r.u64le("TotalAllocationUnits"), r.u64le("AvailableAllocationUnits"),
                        r.u32le("SectorsPerAllocationUnit"), r.u32le("BytesPerSector"));
                case 4 -> new Device(r.i32le("DeviceType"), r.i32le("Characteristics"));
                case 5 -> {
                    int attrs = r.i32le("FileSystemAttributes");
                    int max = r.i32le("MaximumComponentNameLength");
                    long len = r.u32le("FileSystemNameLength");
                    yield new Attribute(attrs, max, name(r, "FileSystemName", len));
                }
                case 7 -> new FullSize(r.u64le("TotalAllocationUnits"), r.u64le("CallerAvailableAllocationUnits"),
                        r.u64le("ActualAvailableAllocationUnits"), r.u32le("SectorsPerAllocationUnit"),
                        r.u32le("BytesPerSector"));
                case 8 -> new ObjectId(r.bytes("ObjectId", 16), r.bytes("ExtendedInfo", 48));
                case 11 -> new SectorSize(r.i32le("LogicalBytesPerSector"),
                        r.i32le("PhysicalBytesPerSectorForAtomicity"), r.i32le("PhysicalBytesPerSectorForPerformance"),
                        r.i32le("FileSystemEffectivePhysicalBytesPerSectorForAtomicity"), r.i32le("Flags"),
                        r.i32le("ByteOffsetForSectorAlignment"), r.i32le("ByteOffsetForPartitionAlignment"));
                default -> throw r.fail("FsInformationClass", c.name() + " is not supported");
            };
        } catch (FsccDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new FsccDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    static byte[] encode(FsInformation info) {
        WireWriter w = new WireWriter();
        info.write(w);
        return w.toByteArray();
    }
}
