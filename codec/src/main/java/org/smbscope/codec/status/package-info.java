/**
 * NTSTATUS codes and Win32 errors ([MS-ERREF]).
 *
 * <p>API: {@link org.smbscope.codec.status.NtStatus} (open value type: {@code NtStatus.of(int)},
 * named constants such as {@code NtStatus.LOGON_FAILURE}, {@code name()} "STATUS_LOGON_FAILURE",
 * {@code sambaName()} "NT_STATUS_LOGON_FAILURE", severity, {@code win32()}) and
 * {@link org.smbscope.codec.status.Win32Error} ({@code name()}, {@code message()},
 * {@code systemErrorText()} "System error 1326 has occurred.").
 */
package org.smbscope.codec.status;
