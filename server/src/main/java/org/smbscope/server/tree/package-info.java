/**
 * What a tree connect leads to: the contract between the SMB2 dispatcher ({@code server.smb2}) and what
 * serves a share's commands, a disk share ({@code server.fs}) or IPC$ named pipes ({@code server.ipc}).
 * The dispatcher owns framing, sessions, signing, encryption, credits and compounds; a {@link TreeHandler}
 * owns opens and their semantics. See [MS-SMB2] 3.3.5.9 to 3.3.5.21.
 */
package org.smbscope.server.tree;
