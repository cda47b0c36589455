package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.smbscope.codec.status.NtStatus;

/** The NTSTATUS for a file system exception, the way a Windows server maps its own errors. */
final class IoStatus {
    private IoStatus() {
    }

    static NtStatus of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return NtStatus.OBJECT_NAME_NOT_FOUND;
        }
        if (e instanceof FileAlreadyExistsException) {
            return NtStatus.OBJECT_NAME_COLLISION;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return NtStatus.DIRECTORY_NOT_EMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return NtStatus.OBJECT_PATH_NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return NtStatus.ACCESS_DENIED;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("No space left")) {
            return NtStatus.DISK_FULL;
        }
        if (e instanceof FileSystemException && m.contains("Read-only file system")) {
            return NtStatus.MEDIA_WRITE_PROTECTED;
        }
        return NtStatus.UNSUCCESSFUL;
    }
}
