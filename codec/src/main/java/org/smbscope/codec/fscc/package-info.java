/**
 * [MS-FSCC] file and file system information classes used by SMB2.
 *
 * <p>API: {@link org.smbscope.codec.fscc.FileAttribute} (EnumSet with {@code fromMask}/{@code toMask}),
 * {@link org.smbscope.codec.fscc.FileInformationClass} and
 * {@link org.smbscope.codec.fscc.FsInformationClass} (open codes),
 * {@link org.smbscope.codec.fscc.DirectoryInformation#decode} /{@code encode} for the directory
 * listing classes (Directory, FullDirectory, BothDirectory, IdBothDirectory, IdFullDirectory, Names)
 * into {@link org.smbscope.codec.fscc.DirectoryEntry} records. Errors:
 * {@link org.smbscope.codec.fscc.FsccDecodeException}.
 */
package org.smbscope.codec.fscc;
