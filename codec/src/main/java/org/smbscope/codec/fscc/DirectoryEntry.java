package org.smbscope.codec.fscc;

import java.util.Set;

import org.smbscope.codec.dtyp.FileTime;

/**
 * One entry of a directory listing, [MS-FSCC] 2.4.10 FileDirectoryInformation, 2.4.14
 * FileFullDirectoryInformation, 2.4.8 FileBothDirectoryInformation, 2.4.17
 * FileIdBothDirectoryInformation, 2.4.18 FileIdFullDirectoryInformation and 2.4.28
 * FileNamesInformation: the union of their fields; fields a class lacks are 0 / "" / empty.
 */
public record DirectoryEntry(FileInformationClass infoClass, long fileIndex, FileTime creationTime,
        FileTime lastAccessTime, FileTime lastWriteTime, FileTime changeTime, long endOfFile, long allocationSize,
        Set<FileAttribute> attributes, int eaSize, String shortName, long fileId, String fileName) {
    public DirectoryEntry {
        attributes = Set.copyOf(attributes);
    }

    public boolean isDirectory() {
        return attributes.contains(FileAttribute.DIRECTORY);
    }
}
