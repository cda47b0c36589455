/**
 * [MS-WKST] Workstation Service Remote Protocol, the one call SMB clients make of it:
 * NetrWkstaGetInfo (opnum 0) at level 100 ([MS-WKST] 3.2.4.1, 2.2.5.1 WKSTA_INFO_100).
 */
package org.smbscope.codec.wkssvc;
