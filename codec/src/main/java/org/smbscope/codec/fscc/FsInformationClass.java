package org.smbscope.codec.fscc;

import java.util.Map;

/** A file system information class number, [MS-FSCC] 2.5. Open. */
public record FsInformationClass(int value) {
    public static final FsInformationClass VOLUME = new FsInformationClass(1);
    public static final FsInformationClass LABEL = new FsInformationClass(2);
    public static final FsInformationClass SIZE = new FsInformationClass(3);
    public static final FsInformationClass DEVICE = new FsInformationClass(4);
    public static final FsInformationClass ATTRIBUTE = new FsInformationClass(5);
    public static final FsInformationClass CONTROL = new FsInformationClass(6);
    public static final FsInformationClass FULL_SIZE = new FsInformationClass(7);
    public static final FsInformationClass OBJECT_ID = new FsInformationClass(8);
    public static final FsInformationClass SECTOR_SIZE = new FsInformationClass(11);

    private static final Map<Integer, String> NAMES = Map.of(
            1, "FileFsVolumeInformation", 2, "FileFsLabelInformation", 3, "FileFsSizeInformation",
            4, "FileFsDeviceInformation", 5, "FileFsAttributeInformation", 6, "FileFsControlInformation",
            7, "FileFsFullSizeInformation", 8, "FileFsObjectIdInformation", 11, "FileFsSectorSizeInformation");

    public String name() {
        String n = NAMES.get(value);
        return n != null ? n : String.format("UNKNOWN(0x%02x)", value);
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
