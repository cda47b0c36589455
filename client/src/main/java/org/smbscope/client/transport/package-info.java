/**
 * Byte transports under SMB: direct TCP on port 445 ([MS-SMB2] 2.1) and the NetBIOS session
 * service on port 139 (RFC 1002 4.3). A transport moves whole frames; it knows nothing of SMB.
 */
package org.smbscope.client.transport;
