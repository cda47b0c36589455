package org.smbscope.codec.status;

import java.util.Locale;
import java.util.Optional;

/**
 * An NTSTATUS value, [MS-ERREF] 2.3. Open: any 32-bit value is a status; the ones SMB clients meet
 * have names ({@link #name()} as Windows/Wireshark spell them, {@link #sambaName()} as Samba prints
 * them) and, where Windows defines one, the Win32 error the user sees ({@link #win32()}).
 *
 * <p>Bits: 31-30 severity, 29 customer, 28 reserved (the N bit), 27-16 facility, 15-0 code.
 */
public record NtStatus(int value) {
    public static final NtStatus SUCCESS = new NtStatus(0x00000000);
    public static final NtStatus PENDING = new NtStatus(0x00000103);
    public static final NtStatus MORE_ENTRIES = new NtStatus(0x00000105);
    public static final NtStatus NOTIFY_CLEANUP = new NtStatus(0x0000010B);
    public static final NtStatus NOTIFY_ENUM_DIR = new NtStatus(0x0000010C);
    public static final NtStatus BUFFER_OVERFLOW = new NtStatus(0x80000005);
    public static final NtStatus NO_MORE_FILES = new NtStatus(0x80000006);
    public static final NtStatus STOPPED_ON_SYMLINK = new NtStatus(0x8000002D);
    public static final NtStatus UNSUCCESSFUL = new NtStatus(0xC0000001);
    public static final NtStatus NOT_IMPLEMENTED = new NtStatus(0xC0000002);
    public static final NtStatus INVALID_INFO_CLASS = new NtStatus(0xC0000003);
    public static final NtStatus INFO_LENGTH_MISMATCH = new NtStatus(0xC0000004);
    public static final NtStatus INVALID_HANDLE = new NtStatus(0xC0000008);
    public static final NtStatus INVALID_PARAMETER = new NtStatus(0xC000000D);
    public static final NtStatus NO_SUCH_DEVICE = new NtStatus(0xC000000E);
    public static final NtStatus NO_SUCH_FILE = new NtStatus(0xC000000F);
    public static final NtStatus INVALID_DEVICE_REQUEST = new NtStatus(0xC0000010);
    public static final NtStatus END_OF_FILE = new NtStatus(0xC0000011);
    public static final NtStatus MORE_PROCESSING_REQUIRED = new NtStatus(0xC0000016);
    public static final NtStatus NO_MEMORY = new NtStatus(0xC0000017);
    public static final NtStatus ACCESS_DENIED = new NtStatus(0xC0000022);
    public static final NtStatus BUFFER_TOO_SMALL = new NtStatus(0xC0000023);
    public static final NtStatus OBJECT_NAME_INVALID = new NtStatus(0xC0000033);
    public static final NtStatus OBJECT_NAME_NOT_FOUND = new NtStatus(0xC0000034);
    public static final NtStatus OBJECT_NAME_COLLISION = new NtStatus(0xC0000035);
    public static final NtStatus OBJECT_PATH_INVALID = new NtStatus(0xC0000039);
    public static final NtStatus OBJECT_PATH_NOT_FOUND = new NtStatus(0xC000003A);
    public static final NtStatus OBJECT_PATH_SYNTAX_BAD = new NtStatus(0xC000003B);
    public static final NtStatus SHARING_VIOLATION = new NtStatus(0xC0000043);
    public static final NtStatus EAS_NOT_SUPPORTED = new NtStatus(0xC000004F);
    public static final NtStatus INVALID_EA_NAME = new NtStatus(0x80000013);
    public static final NtStatus EA_LIST_INCONSISTENT = new NtStatus(0x80000014);
    public static final NtStatus EA_TOO_LARGE = new NtStatus(0xC0000050);
    public static final NtStatus NONEXISTENT_EA_ENTRY = new NtStatus(0xC0000051);
    public static final NtStatus NO_EAS_ON_FILE = new NtStatus(0xC0000052);
    public static final NtStatus EA_CORRUPT_ERROR = new NtStatus(0xC0000053);
    public static final NtStatus FILE_LOCK_CONFLICT = new NtStatus(0xC0000054);
    public static final NtStatus LOCK_NOT_GRANTED = new NtStatus(0xC0000055);
    public static final NtStatus DELETE_PENDING = new NtStatus(0xC0000056);
    public static final NtStatus NO_LOGON_SERVERS = new NtStatus(0xC000005E);
    public static final NtStatus NO_SUCH_LOGON_SESSION = new NtStatus(0xC000005F);
    public static final NtStatus PRIVILEGE_NOT_HELD = new NtStatus(0xC0000061);
    public static final NtStatus INVALID_OWNER = new NtStatus(0xC000005A);
    public static final NtStatus NO_SUCH_USER = new NtStatus(0xC0000064);
    public static final NtStatus WRONG_PASSWORD = new NtStatus(0xC000006A);
    public static final NtStatus LOGON_FAILURE = new NtStatus(0xC000006D);
    public static final NtStatus ACCOUNT_RESTRICTION = new NtStatus(0xC000006E);
    public static final NtStatus INVALID_LOGON_HOURS = new NtStatus(0xC000006F);
    public static final NtStatus INVALID_WORKSTATION = new NtStatus(0xC0000070);
    public static final NtStatus PASSWORD_EXPIRED = new NtStatus(0xC0000071);
    public static final NtStatus ACCOUNT_DISABLED = new NtStatus(0xC0000072);
    public static final NtStatus NONE_MAPPED = new NtStatus(0xC0000073);
    public static final NtStatus RANGE_NOT_LOCKED = new NtStatus(0xC000007E);
    public static final NtStatus DISK_FULL = new NtStatus(0xC000007F);
    public static final NtStatus INSUFFICIENT_RESOURCES = new NtStatus(0xC000009A);
    public static final NtStatus MEDIA_WRITE_PROTECTED = new NtStatus(0xC00000A2);
    public static final NtStatus BAD_IMPERSONATION_LEVEL = new NtStatus(0xC00000A5);
    public static final NtStatus PIPE_NOT_AVAILABLE = new NtStatus(0xC00000AC);
    public static final NtStatus INVALID_PIPE_STATE = new NtStatus(0xC00000AD);
    public static final NtStatus PIPE_BUSY = new NtStatus(0xC00000AE);
    public static final NtStatus PIPE_DISCONNECTED = new NtStatus(0xC00000B0);
    public static final NtStatus PIPE_CLOSING = new NtStatus(0xC00000B1);
    public static final NtStatus IO_TIMEOUT = new NtStatus(0xC00000B5);
    public static final NtStatus FILE_IS_A_DIRECTORY = new NtStatus(0xC00000BA);
    public static final NtStatus NOT_SUPPORTED = new NtStatus(0xC00000BB);
    public static final NtStatus DUPLICATE_NAME = new NtStatus(0xC00000BD);
    public static final NtStatus BAD_NETWORK_PATH = new NtStatus(0xC00000BE);
    public static final NtStatus NETWORK_BUSY = new NtStatus(0xC00000BF);
    public static final NtStatus INVALID_NETWORK_RESPONSE = new NtStatus(0xC00000C3);
    public static final NtStatus UNEXPECTED_NETWORK_ERROR = new NtStatus(0xC00000C4);
    public static final NtStatus NETWORK_NAME_DELETED = new NtStatus(0xC00000C9);
    public static final NtStatus NETWORK_ACCESS_DENIED = new NtStatus(0xC00000CA);
    public static final NtStatus BAD_DEVICE_TYPE = new NtStatus(0xC00000CB);
    public static final NtStatus BAD_NETWORK_NAME = new NtStatus(0xC00000CC);
    public static final NtStatus TOO_MANY_SESSIONS = new NtStatus(0xC00000CE);
    public static final NtStatus REQUEST_NOT_ACCEPTED = new NtStatus(0xC00000D0);
    public static final NtStatus NOT_SAME_DEVICE = new NtStatus(0xC00000D4);
    public static final NtStatus FILE_RENAMED = new NtStatus(0xC00000D5);
    public static final NtStatus PIPE_EMPTY = new NtStatus(0xC00000D9);
    public static final NtStatus NO_SUCH_DOMAIN = new NtStatus(0xC00000DF);
    public static final NtStatus OPLOCK_NOT_GRANTED = new NtStatus(0xC00000E2);
    public static final NtStatus INTERNAL_ERROR = new NtStatus(0xC00000E5);
    public static final NtStatus DIRECTORY_NOT_EMPTY = new NtStatus(0xC0000101);
    public static final NtStatus FILE_CORRUPT_ERROR = new NtStatus(0xC0000102);
    public static final NtStatus NOT_A_DIRECTORY = new NtStatus(0xC0000103);
    public static final NtStatus NAME_TOO_LONG = new NtStatus(0xC0000106);
    public static final NtStatus CONNECTION_IN_USE = new NtStatus(0xC0000108);
    public static final NtStatus TOO_MANY_OPENED_FILES = new NtStatus(0xC000011F);
    public static final NtStatus CANCELLED = new NtStatus(0xC0000120);
    public static final NtStatus CANNOT_DELETE = new NtStatus(0xC0000121);
    public static final NtStatus FILE_DELETED = new NtStatus(0xC0000123);
    public static final NtStatus FILE_CLOSED = new NtStatus(0xC0000128);
    public static final NtStatus TIME_DIFFERENCE_AT_DC = new NtStatus(0xC0000133);
    public static final NtStatus LOCAL_DISCONNECT = new NtStatus(0xC000013B);
    public static final NtStatus REMOTE_DISCONNECT = new NtStatus(0xC000013C);
    public static final NtStatus PIPE_BROKEN = new NtStatus(0xC000014B);
    public static final NtStatus LOGON_TYPE_NOT_GRANTED = new NtStatus(0xC000015B);
    public static final NtStatus INVALID_DEVICE_STATE = new NtStatus(0xC0000184);
    public static final NtStatus TRUSTED_DOMAIN_FAILURE = new NtStatus(0xC000018C);
    public static final NtStatus TRUSTED_RELATIONSHIP_FAILURE = new NtStatus(0xC000018D);
    public static final NtStatus ACCOUNT_EXPIRED = new NtStatus(0xC0000193);
    public static final NtStatus NETWORK_CREDENTIAL_CONFLICT = new NtStatus(0xC0000195);
    public static final NtStatus FS_DRIVER_REQUIRED = new NtStatus(0xC000019C);
    public static final NtStatus USER_SESSION_DELETED = new NtStatus(0xC0000203);
    public static final NtStatus INSUFF_SERVER_RESOURCES = new NtStatus(0xC0000205);
    public static final NtStatus CONNECTION_DISCONNECTED = new NtStatus(0xC000020C);
    public static final NtStatus CONNECTION_RESET = new NtStatus(0xC000020D);
    public static final NtStatus PASSWORD_MUST_CHANGE = new NtStatus(0xC0000224);
    public static final NtStatus NOT_FOUND = new NtStatus(0xC0000225);
    public static final NtStatus ACCOUNT_LOCKED_OUT = new NtStatus(0xC0000234);
    public static final NtStatus CONNECTION_REFUSED = new NtStatus(0xC0000236);
    public static final NtStatus LOGIN_TIME_RESTRICTION = new NtStatus(0xC0000247);
    public static final NtStatus LOGIN_WKSTA_RESTRICTION = new NtStatus(0xC0000248);
    public static final NtStatus PATH_NOT_COVERED = new NtStatus(0xC0000257);
    public static final NtStatus NOT_A_REPARSE_POINT = new NtStatus(0xC0000275);
    public static final NtStatus NETWORK_SESSION_EXPIRED = new NtStatus(0xC000035C);
    public static final NtStatus DOWNGRADE_DETECTED = new NtStatus(0xC0000388);
    public static final NtStatus REQUEST_OUT_OF_SEQUENCE = new NtStatus(0xC000042A);
    public static final NtStatus INVALID_SIGNATURE = new NtStatus(0xC000A000);
    public static final NtStatus SMB_BAD_TID = new NtStatus(0x00050002);
    public static final NtStatus SMB_BAD_UID = new NtStatus(0x005B0002);

    /** Severity bits 31-30. */
    public enum Severity { SUCCESS, INFORMATIONAL, WARNING, ERROR }

    public static NtStatus of(int value) {
        return new NtStatus(value);
    }

    /** From a value read as an unsigned 32-bit long. */
    public static NtStatus of(long value) {
        return new NtStatus((int) value);
    }

    public Severity severity() {
        return Severity.values()[value >>> 30];
    }

    /** NT_SUCCESS(): severity SUCCESS or INFORMATIONAL. */
    public boolean isSuccess() {
        return (value >>> 30) <= 1;
    }

    public boolean isWarning() {
        return (value >>> 30) == 2;
    }

    public boolean isError() {
        return (value >>> 30) == 3;
    }

    /** The customer bit (29): set on codes not defined by Microsoft. */
    public boolean isCustomer() {
        return (value & 0x20000000) != 0;
    }

    public int facility() {
        return (value >>> 16) & 0x0FFF;
    }

    public int code() {
        return value & 0xFFFF;
    }

    public boolean isKnown() {
        return StatusTable.entry(value) != null;
    }

    /** "STATUS_LOGON_FAILURE" as Windows and Wireshark spell it, or "UNKNOWN(0xc0001234)". */
    public String name() {
        StatusTable.Entry e = StatusTable.entry(value);
        return e != null ? e.name() : "UNKNOWN(" + hex() + ")";
    }

    /** "NT_STATUS_LOGON_FAILURE" as Samba prints it, or "NT_STATUS_UNKNOWN(0xC0001234)". */
    public String sambaName() {
        StatusTable.Entry e = StatusTable.entry(value);
        return e != null ? "NT_" + e.name() : "NT_STATUS_UNKNOWN(" + hex().toUpperCase(Locale.ROOT).replace("0X", "0x") + ")";
    }

    /** "0xc000006d". */
    public String hex() {
        return String.format("0x%08x", value);
    }

    /**
     * The Win32 error RtlNtStatusToDosError gives for this status, as {@code net use} reports it
     * ("System error 1326 has occurred."); empty where the mapping is not known to this table.
     */
    public Optional<Win32Error> win32() {
        if (value == 0) {
            return Optional.of(Win32Error.SUCCESS);
        }
        StatusTable.Entry e = StatusTable.entry(value);
        if (e != null && e.win32() >= 0) {
            return Optional.of(new Win32Error(e.win32()));
        }
        // as RtlNtStatusToDosError: 0xC001xxxx and 0x8007xxxx carry the Win32 code in the low word.
        int hi = value >>> 16;
        if (hi == 0xC001 || hi == 0x8007) {
            return Optional.of(new Win32Error(value & 0xFFFF));
        }
        return Optional.empty();
    }

    /** "STATUS_LOGON_FAILURE (0xc000006d)". */
    @Override
    public String toString() {
        return name() + " (" + hex() + ")";
    }
}
