package org.smbscope.codec.smb2;

/** CreateOptions of CREATE, [MS-SMB2] 2.2.13, as a small flag value type. */
public record CreateOptions(int value) {
    public static final CreateOptions DIRECTORY_FILE = new CreateOptions(0x1);
    public static final CreateOptions WRITE_THROUGH = new CreateOptions(0x2);
    public static final CreateOptions SEQUENTIAL_ONLY = new CreateOptions(0x4);
    public static final CreateOptions NO_INTERMEDIATE_BUFFERING = new CreateOptions(0x8);
    public static final CreateOptions SYNCHRONOUS_IO_ALERT = new CreateOptions(0x10);
    public static final CreateOptions SYNCHRONOUS_IO_NONALERT = new CreateOptions(0x20);
    public static final CreateOptions NON_DIRECTORY_FILE = new CreateOptions(0x40);
    public static final CreateOptions COMPLETE_IF_OPLOCKED = new CreateOptions(0x100);
    public static final CreateOptions NO_EA_KNOWLEDGE = new CreateOptions(0x200);
    public static final CreateOptions RANDOM_ACCESS = new CreateOptions(0x800);
    public static final CreateOptions DELETE_ON_CLOSE = new CreateOptions(0x1000);
    public static final CreateOptions OPEN_BY_FILE_ID = new CreateOptions(0x2000);
    public static final CreateOptions OPEN_FOR_BACKUP_INTENT = new CreateOptions(0x4000);
    public static final CreateOptions NO_COMPRESSION = new CreateOptions(0x8000);
    public static final CreateOptions OPEN_REPARSE_POINT = new CreateOptions(0x200000);
    public static final CreateOptions OPEN_NO_RECALL = new CreateOptions(0x400000);
    public static final CreateOptions OPEN_FOR_FREE_SPACE_QUERY = new CreateOptions(0x800000);
    private static final Bits.Names NAMES = Bits.names(0x1, "DIRECTORY_FILE", 0x2, "WRITE_THROUGH", 0x4, "SEQUENTIAL_ONLY", 0x8, "NO_INTERMEDIATE_BUFFERING", 0x10, "SYNCHRONOUS_IO_ALERT", 0x20, "SYNCHRONOUS_IO_NONALERT", 0x40, "NON_DIRECTORY_FILE", 0x100, "COMPLETE_IF_OPLOCKED", 0x200, "NO_EA_KNOWLEDGE", 0x800, "RANDOM_ACCESS", 0x1000, "DELETE_ON_CLOSE", 0x2000, "OPEN_BY_FILE_ID", 0x4000, "OPEN_FOR_BACKUP_INTENT", 0x8000, "NO_COMPRESSION", 0x200000, "OPEN_REPARSE_POINT", 0x400000, "OPEN_NO_RECALL", 0x800000, "OPEN_FOR_FREE_SPACE_QUERY");

    public static final CreateOptions NONE = new CreateOptions(0);

    public boolean has(CreateOptions f) {
        return (value & f.value) == f.value;
    }

    public CreateOptions with(CreateOptions f) {
        return new CreateOptions(value | f.value);
    }

    public CreateOptions without(CreateOptions f) {
        return new CreateOptions(value & ~f.value);
    }

    public static CreateOptions of(CreateOptions... flags) {
        int v = 0;
        for (CreateOptions f : flags) {
            v |= f.value;
        }
        return new CreateOptions(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
