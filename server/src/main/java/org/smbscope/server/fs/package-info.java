/**
 * Disk shares: the SMB2 file commands ([MS-SMB2] 3.3.5.9 to 3.3.5.21, [MS-FSA] for the file system's side)
 * served from a directory of a {@code java.nio.file} file system.
 *
 * <p>Public face: {@link org.smbscope.server.fs.DiskTreeHandler}, the
 * {@link org.smbscope.server.tree.TreeHandler} of one disk tree connect, and
 * {@link org.smbscope.server.fs.OpenFiles}, what all tree connects of a server share (make one per server):
 * <pre>{@code
 * OpenFiles files = new OpenFiles();
 * TreeHandler h = new DiskTreeHandler(ShareRoot.of(share.path()), share.readOnly(), clock, files);
 * }</pre>
 *
 * <p>Inside, one class per job: {@code CreateCommand}, {@code CloseCommand}, {@code DataCommands} (READ,
 * WRITE, FLUSH), {@code DirectoryQuery} with {@code DirectoryScan} and {@code Wildcard}, {@code InfoQuery},
 * {@code InfoSet}, {@code IoctlCommand} with {@code ServerSideCopy}, {@code ByteRangeLocks},
 * {@code NotifyRegistry}, {@code WriteTimes} (delayed write-time updates), {@code SecurityStore} and
 * {@code SdParts} (descriptors kept as set), {@code AccessCheck} ([MS-DTYP] 2.5.3.2 against the session's
 * {@link org.smbscope.server.tree.SecurityToken}), {@code FileSecurity} (what the file system adds: READ_ATTRIBUTES,
 * DELETE through the parent's FILE_DELETE_CHILD), {@code Inheritance} (the descriptor of a new file, [MS-DTYP]
 * 2.5.3.4), {@code FarTimes} (write times after 2262), {@code EaStore} and {@code EaCommands} (extended attributes:
 * FileFullEaInformation, the ExtA create context, EaSize), {@code SparseFiles}, {@code ShareModes} and {@code Access},
 * {@code Oplocks} (grants, breaks sent through the request's {@link org.smbscope.server.tree.BreakSender},
 * the CREATE that waits for them; {@link org.smbscope.server.fs.OpenFiles#breakTimeout(java.time.Duration)}), the
 * per-tree {@code OpenTable} and per-file {@code FileState}. Every path goes through {@code PathMapper},
 * which adds Windows' case-insensitive lookup to {@link org.smbscope.server.share.ShareRoot}, so nothing
 * outside the share is reachable. What the file system lacks (DOS attributes, creation time, descriptors) is
 * kept in extended attributes where it has them. Alternate data streams ({@code file:name[:$DATA]}, split by
 * {@link org.smbscope.server.share.StreamName}) are {@code StreamCreate}, {@code StreamRename},
 * {@code StreamOpens}, {@code StreamInfo}, {@code StreamChannel} (a stream open's data as a
 * {@code FileChannel}) and {@code StreamStore} ({@code user.smbscope.stream.<name>} attributes, else
 * memory); a stream open shares its file's {@code FileState}, with {@code Open.stream} naming the stream.
 */
package org.smbscope.server.fs;
