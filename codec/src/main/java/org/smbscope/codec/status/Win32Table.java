package org.smbscope.codec.status;

import java.util.Map;



/** Names and messages of the Win32 errors ([MS-ERREF] 2.2) the NTSTATUS table maps to. Immutable. */
final class Win32Table {
    record Entry(String name, String message) {
    }

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            e(0, "ERROR_SUCCESS", "The operation completed successfully."),
            e(1, "ERROR_INVALID_FUNCTION", "Incorrect function."),
            e(2, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."),
            e(3, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified."),
            e(4, "ERROR_TOO_MANY_OPEN_FILES", "The system cannot open the file."),
            e(5, "ERROR_ACCESS_DENIED", "Access is denied."),
            e(6, "ERROR_INVALID_HANDLE", "The handle is invalid."),
            e(8, "ERROR_NOT_ENOUGH_MEMORY", "Not enough memory resources are available to process this command."),
            e(17, "ERROR_NOT_SAME_DEVICE", "The system cannot move the file to a different disk drive."),
            e(18, "ERROR_NO_MORE_FILES", "There are no more files."),
            e(19, "ERROR_WRITE_PROTECT", "The media is write protected."),
            e(22, "ERROR_BAD_COMMAND", "The device does not recognize the command."),
            e(24, "ERROR_BAD_LENGTH", "The program issued a command but the command length is incorrect."),
            e(31, "ERROR_GEN_FAILURE", "A device attached to the system is not functioning."),
            e(32, "ERROR_SHARING_VIOLATION",
                    "The process cannot access the file because it is being used by another process."),
            e(33, "ERROR_LOCK_VIOLATION",
                    "The process cannot access the file because another process has locked a portion of the file."),
            e(38, "ERROR_HANDLE_EOF", "Reached the end of the file."),
            e(50, "ERROR_NOT_SUPPORTED", "The request is not supported."),
            e(52, "ERROR_DUP_NAME", "You were not connected because a duplicate name exists on the network."),
            e(53, "ERROR_BAD_NETPATH", "The network path was not found."),
            e(54, "ERROR_NETWORK_BUSY", "The network is busy."),
            e(58, "ERROR_BAD_NET_RESP", "The specified server cannot perform the requested operation."),
            e(59, "ERROR_UNEXP_NET_ERR", "An unexpected network error occurred."),
            e(64, "ERROR_NETNAME_DELETED", "The specified network name is no longer available."),
            e(65, "ERROR_NETWORK_ACCESS_DENIED", "Network access is denied."),
            e(66, "ERROR_BAD_DEV_TYPE", "The network resource type is not correct."),
            e(67, "ERROR_BAD_NET_NAME", "The network name cannot be found."),
            e(69, "ERROR_TOO_MANY_SESS", "The network BIOS session limit was exceeded."),
            e(71, "ERROR_REQ_NOT_ACCEP", "No more connections can be made to this remote computer at this time "
                    + "because there are already as many connections as the computer can accept."),
            e(86, "ERROR_INVALID_PASSWORD", "The specified network password is not correct."),
            e(87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
            e(109, "ERROR_BROKEN_PIPE", "The pipe has been ended."),
            e(112, "ERROR_DISK_FULL", "There is not enough space on the disk."),
            e(121, "ERROR_SEM_TIMEOUT", "The semaphore timeout period has expired."),
            e(122, "ERROR_INSUFFICIENT_BUFFER", "The data area passed to a system call is too small."),
            e(123, "ERROR_INVALID_NAME", "The filename, directory name, or volume label syntax is incorrect."),
            e(145, "ERROR_DIR_NOT_EMPTY", "The directory is not empty."),
            e(158, "ERROR_NOT_LOCKED", "The segment is already unlocked."),
            e(161, "ERROR_BAD_PATHNAME", "The specified path is invalid."),
            e(183, "ERROR_ALREADY_EXISTS", "Cannot create a file when that file already exists."),
            e(206, "ERROR_FILENAME_EXCED_RANGE", "The filename or extension is too long."),
            e(230, "ERROR_BAD_PIPE", "The pipe state is invalid."),
            e(231, "ERROR_PIPE_BUSY", "All pipe instances are busy."),
            e(232, "ERROR_NO_DATA", "The pipe is being closed."),
            e(233, "ERROR_PIPE_NOT_CONNECTED", "No process is on the other end of the pipe."),
            e(234, "ERROR_MORE_DATA", "More data is available."),
            e(254, "ERROR_INVALID_EA_NAME", "The specified extended attribute name was invalid."),
            e(255, "ERROR_EA_LIST_INCONSISTENT", "The extended attributes are inconsistent."),
            e(267, "ERROR_DIRECTORY", "The directory name is invalid."),
            e(282, "ERROR_EAS_NOT_SUPPORTED", "The mounted file system does not support extended attributes."),
            e(300, "ERROR_OPLOCK_NOT_GRANTED", "The oplock request is denied."),
            e(776, "ERROR_REQUEST_OUT_OF_SEQUENCE", "The request is out of sequence."),
            e(995, "ERROR_OPERATION_ABORTED",
                    "The I/O operation has been aborted because of either a thread exit or an application request."),
            e(997, "ERROR_IO_PENDING", "Overlapped I/O operation is in progress."),
            e(1022, "ERROR_NOTIFY_ENUM_DIR", "A notify change request is being completed and the information is "
                    + "not being returned in the caller's buffer. The caller now needs to enumerate the files to "
                    + "find the changes."),
            e(1130, "ERROR_NOT_ENOUGH_SERVER_MEMORY", "Not enough server memory resources are available to "
                    + "process this command."),
            e(1168, "ERROR_NOT_FOUND", "Element not found."),
            e(1219, "ERROR_SESSION_CREDENTIAL_CONFLICT", "Multiple connections to a server or shared resource by "
                    + "the same user, using more than one user name, are not allowed. Disconnect all previous "
                    + "connections to the server or shared resource and try again."),
            e(1225, "ERROR_CONNECTION_REFUSED", "The remote computer refused the network connection."),
            e(1239, "ERROR_LOGIN_TIME_RESTRICTION", "Attempting to log in during an unauthorized time of day for "
                    + "this account."),
            e(1240, "ERROR_LOGIN_WKSTA_RESTRICTION", "The account is not authorized to log in from this station."),
            e(1265, "ERROR_DOWNGRADE_DETECTED", "The system detected a possible attempt to compromise security. "
                    + "Please ensure that you can contact the server that authenticated you."),
            e(1311, "ERROR_NO_LOGON_SERVERS", "There are currently no logon servers available to service the "
                    + "logon request."),
            e(1312, "ERROR_NO_SUCH_LOGON_SESSION", "A specified logon session does not exist. It may already "
                    + "have been terminated."),
            e(1307, "ERROR_INVALID_OWNER", "This security ID may not be assigned as the owner of this object."),
            e(1314, "ERROR_PRIVILEGE_NOT_HELD", "A required privilege is not held by the client."),
            e(1317, "ERROR_NO_SUCH_USER", "The specified account does not exist."),
            e(1326, "ERROR_LOGON_FAILURE", "The user name or password is incorrect."),
            e(1327, "ERROR_ACCOUNT_RESTRICTION", "Account restrictions are preventing this user from signing in. "
                    + "For example: blank passwords aren't allowed, sign-in times are limited, or a policy "
                    + "restriction has been enforced."),
            e(1328, "ERROR_INVALID_LOGON_HOURS", "Your account has time restrictions that keep you from signing "
                    + "in right now."),
            e(1329, "ERROR_INVALID_WORKSTATION", "This user isn't allowed to sign in to this computer."),
            e(1330, "ERROR_PASSWORD_EXPIRED", "The password for this account has expired."),
            e(1331, "ERROR_ACCOUNT_DISABLED", "This user can't sign in because this account is currently "
                    + "disabled."),
            e(1332, "ERROR_NONE_MAPPED", "No mapping between account names and security IDs was done."),
            e(1346, "ERROR_BAD_IMPERSONATION_LEVEL", "Either a required impersonation level was not provided, "
                    + "or the provided impersonation level is invalid."),
            e(1349, "ERROR_BAD_TOKEN_TYPE", "The type of the token is inappropriate for its attempted use."),
            e(1355, "ERROR_NO_SUCH_DOMAIN", "The specified domain either does not exist or could not be "
                    + "contacted."),
            e(1359, "ERROR_INTERNAL_ERROR", "An internal error occurred."),
            e(1385, "ERROR_LOGON_TYPE_NOT_GRANTED", "Logon failure: the user has not been granted the requested "
                    + "logon type at this computer."),
            e(1392, "ERROR_FILE_CORRUPT", "The file or directory is corrupted and unreadable."),
            e(1394, "ERROR_NO_USER_SESSION_KEY", "There is no user session key for the specified logon session."),
            e(1398, "ERROR_TIME_SKEW", "There is a time and/or date difference between the client and server."),
            e(1450, "ERROR_NO_SYSTEM_RESOURCES", "Insufficient system resources exist to complete the requested "
                    + "service."),
            e(1788, "ERROR_TRUSTED_DOMAIN_FAILURE", "The trust relationship between the primary domain and the "
                    + "trusted domain failed."),
            e(1789, "ERROR_TRUSTED_RELATIONSHIP_FAILURE", "The trust relationship between this workstation and "
                    + "the primary domain failed."),
            e(1793, "ERROR_ACCOUNT_EXPIRED", "The user's account has expired."),
            e(1907, "ERROR_PASSWORD_MUST_CHANGE", "The user's password must be changed before signing in."),
            e(1909, "ERROR_ACCOUNT_LOCKED_OUT", "The referenced account is currently locked out and may not be "
                    + "logged on to."),
            e(2404, "ERROR_DEVICE_IN_USE", "The device is in use by an active process and cannot be "
                    + "disconnected."),
            e(4390, "ERROR_NOT_A_REPARSE_POINT", "The file or directory is not a reparse point."));

    private Win32Table() {
    }

    private static Map.Entry<Integer, Entry> e(int code, String name, String message) {
        return Map.entry(code, new Entry(name, message));
    }

    static Entry entry(int code) {
        return TABLE.get(code);
    }
}
