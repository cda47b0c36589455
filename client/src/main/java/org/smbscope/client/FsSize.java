package org.smbscope.client;

/** [MS-FSCC] 2.5.4 FileFsFullSizeInformation: sizes in allocation units. */
public record FsSize(long totalUnits, long callerAvailableUnits, long actualAvailableUnits, long sectorsPerUnit,
        long bytesPerSector) {
    public long blockSize() {
        return sectorsPerUnit * bytesPerSector;
    }
}
