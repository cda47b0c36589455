/**
 * IPC$: named pipes carrying DCE/RPC ([MS-SMB2] 3.3.5.9 named pipe opens, [C706] connection-oriented RPC,
 * [MS-RPCE]) with the two interfaces SMB clients use to browse: srvsvc ([MS-SRVS] share and server info) and
 * wkssvc ([MS-WKST] workstation info). {@link org.smbscope.server.ipc.IpcTreeHandler} is the
 * {@link org.smbscope.server.tree.TreeHandler} of an IPC$ tree connect.
 */
package org.smbscope.server.ipc;
