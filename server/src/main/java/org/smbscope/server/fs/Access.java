package org.smbscope.server.fs;

/**
 * Access masks of a disk share ([MS-DTYP] 2.4.3, [MS-SMB2] 2.2.13.1.1): generic rights mapped to file
 * rights, what a read-only share allows, and which rights count for share modes.
 */
final class Access {
    static final int READ_DATA = 0x1;
    static final int WRITE_DATA = 0x2;
    static final int APPEND_DATA = 0x4;
    static final int READ_EA = 0x8;
    static final int WRITE_EA = 0x10;
    static final int EXECUTE = 0x20;
    static final int DELETE_CHILD = 0x40;
    static final int READ_ATTRIBUTES = 0x80;
    static final int WRITE_ATTRIBUTES = 0x100;
    static final int DELETE = 0x10000;
    static final int READ_CONTROL = 0x20000;
    static final int WRITE_DAC = 0x40000;
    static final int WRITE_OWNER = 0x80000;
    static final int SYNCHRONIZE = 0x100000;
    static final int ACCESS_SYSTEM_SECURITY = 0x1000000;
    static final int MAXIMUM_ALLOWED = 0x2000000;
    static final int GENERIC_ALL = 0x10000000;
    static final int GENERIC_EXECUTE = 0x20000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int GENERIC_READ = 0x80000000;

    static final int FILE_GENERIC_READ = READ_CONTROL | SYNCHRONIZE | READ_DATA | READ_ATTRIBUTES | READ_EA;
    static final int FILE_GENERIC_WRITE = READ_CONTROL | SYNCHRONIZE | WRITE_DATA | WRITE_ATTRIBUTES | WRITE_EA
            | APPEND_DATA;
    static final int FILE_GENERIC_EXECUTE = READ_CONTROL | SYNCHRONIZE | READ_ATTRIBUTES | EXECUTE;
    static final int FILE_ALL_ACCESS = 0x1F01FF;
    /** What a read-only share grants at most. */
    static final int READ_ONLY_MAXIMUM = FILE_GENERIC_READ | FILE_GENERIC_EXECUTE;
    /** Rights a read-only share refuses. */
    static final int MODIFYING = WRITE_DATA | APPEND_DATA | WRITE_EA | DELETE_CHILD | WRITE_ATTRIBUTES | DELETE
            | WRITE_DAC | WRITE_OWNER;

    private Access() {
    }

    /** The share's maximal access (the MxAc answer). */
    static int maximal(boolean readOnly) {
        return readOnly ? READ_ONLY_MAXIMUM : FILE_ALL_ACCESS;
    }

    /** Generic bits and MAXIMUM_ALLOWED replaced by specific rights. */
    static int map(int desired, boolean readOnly) {
        int m = desired & ~(GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ | MAXIMUM_ALLOWED);
        if ((desired & GENERIC_READ) != 0) {
            m |= FILE_GENERIC_READ;
        }
        if ((desired & GENERIC_WRITE) != 0) {
            m |= FILE_GENERIC_WRITE;
        }
        if ((desired & GENERIC_EXECUTE) != 0) {
            m |= FILE_GENERIC_EXECUTE;
        }
        if ((desired & GENERIC_ALL) != 0) {
            m |= FILE_ALL_ACCESS;
        }
        if ((desired & MAXIMUM_ALLOWED) != 0) {
            m |= maximal(readOnly);
        }
        return m;
    }

    static boolean has(int granted, int right) {
        return (granted & right) != 0;
    }

    static boolean readsData(int access) {
        return (access & (READ_DATA | EXECUTE)) != 0;
    }

    static boolean writesData(int access) {
        return (access & (WRITE_DATA | APPEND_DATA)) != 0;
    }
}
