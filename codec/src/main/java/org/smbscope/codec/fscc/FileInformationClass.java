package org.smbscope.codec.fscc;

import java.util.Map;

/**
 * A file information class number, [MS-FSCC] 2.4 (used by QUERY_DIRECTORY, QUERY_INFO and SET_INFO
 * with InfoType FILE). Open: unknown numbers keep their value.
 */
public record FileInformationClass(int value) {
    public static final FileInformationClass DIRECTORY = new FileInformationClass(1);
    public static final FileInformationClass FULL_DIRECTORY = new FileInformationClass(2);
    public static final FileInformationClass BOTH_DIRECTORY = new FileInformationClass(3);
    public static final FileInformationClass BASIC = new FileInformationClass(4);
    public static final FileInformationClass STANDARD = new FileInformationClass(5);
    public static final FileInformationClass INTERNAL = new FileInformationClass(6);
    public static final FileInformationClass EA = new FileInformationClass(7);
    public static final FileInformationClass ACCESS = new FileInformationClass(8);
    public static final FileInformationClass NAME = new FileInformationClass(9);
    public static final FileInformationClass RENAME = new FileInformationClass(10);
    public static final FileInformationClass NAMES = new FileInformationClass(12);
    public static final FileInformationClass DISPOSITION = new FileInformationClass(13);
    public static final FileInformationClass POSITION = new FileInformationClass(14);
    public static final FileInformationClass FULL_EA = new FileInformationClass(15);
    public static final FileInformationClass MODE = new FileInformationClass(16);
    public static final FileInformationClass ALIGNMENT = new FileInformationClass(17);
    public static final FileInformationClass ALL = new FileInformationClass(18);
    public static final FileInformationClass ALLOCATION = new FileInformationClass(19);
    public static final FileInformationClass END_OF_FILE = new FileInformationClass(20);
    public static final FileInformationClass ALTERNATE_NAME = new FileInformationClass(21);
    public static final FileInformationClass STREAM = new FileInformationClass(22);
    public static final FileInformationClass COMPRESSION = new FileInformationClass(28);
    public static final FileInformationClass NETWORK_OPEN = new FileInformationClass(34);
    public static final FileInformationClass ATTRIBUTE_TAG = new FileInformationClass(35);
    public static final FileInformationClass ID_BOTH_DIRECTORY = new FileInformationClass(37);
    public static final FileInformationClass ID_FULL_DIRECTORY = new FileInformationClass(38);
    public static final FileInformationClass NORMALIZED_NAME = new FileInformationClass(48);
    public static final FileInformationClass ID_EXTD_DIRECTORY = new FileInformationClass(60);
    public static final FileInformationClass DISPOSITION_EX = new FileInformationClass(64);
    public static final FileInformationClass RENAME_EX = new FileInformationClass(65);

    private static final Map<Integer, String> NAMES_BY_VALUE = Map.ofEntries(
            Map.entry(1, "FileDirectoryInformation"), Map.entry(2, "FileFullDirectoryInformation"),
            Map.entry(3, "FileBothDirectoryInformation"), Map.entry(4, "FileBasicInformation"),
            Map.entry(5, "FileStandardInformation"), Map.entry(6, "FileInternalInformation"),
            Map.entry(7, "FileEaInformation"), Map.entry(8, "FileAccessInformation"),
            Map.entry(9, "FileNameInformation"), Map.entry(10, "FileRenameInformation"),
            Map.entry(12, "FileNamesInformation"), Map.entry(13, "FileDispositionInformation"),
            Map.entry(14, "FilePositionInformation"), Map.entry(15, "FileFullEaInformation"),
            Map.entry(16, "FileModeInformation"), Map.entry(17, "FileAlignmentInformation"),
            Map.entry(18, "FileAllInformation"), Map.entry(19, "FileAllocationInformation"),
            Map.entry(20, "FileEndOfFileInformation"), Map.entry(21, "FileAlternateNameInformation"),
            Map.entry(22, "FileStreamInformation"), Map.entry(28, "FileCompressionInformation"),
            Map.entry(34, "FileNetworkOpenInformation"), Map.entry(35, "FileAttributeTagInformation"),
            Map.entry(37, "FileIdBothDirectoryInformation"), Map.entry(38, "FileIdFullDirectoryInformation"),
            Map.entry(48, "FileNormalizedNameInformation"), Map.entry(60, "FileIdExtdDirectoryInformation"),
            Map.entry(64, "FileDispositionInformationEx"), Map.entry(65, "FileRenameInformationEx"));

    /** "FileIdBothDirectoryInformation", or "UNKNOWN(0x42)". */
    public String name() {
        String n = NAMES_BY_VALUE.get(value);
        return n != null ? n : String.format("UNKNOWN(0x%02x)", value);
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
