/**
 * Browser protocol messages ([MS-BRWS] 2.2) carried in {@code \MAILSLOT\BROWSE} mailslot writes
 * inside NetBIOS datagrams. Decode only; see {@link org.smbscope.codec.netbios.browse.BrowserMessages}.
 */
package org.smbscope.codec.netbios.browse;
