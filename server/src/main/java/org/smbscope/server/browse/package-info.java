/**
 * The browser service of a file server, [MS-BRWS]: a local master browser candidate that takes part in
 * elections, announces itself on the datagram service, and keeps the browse list ({@link
 * org.smbscope.server.browse.BrowseList}) that NetServerEnum2 serves. {@link
 * org.smbscope.server.browse.LocalMasterBrowser} is a pure state machine (clock and randomness injected): it
 * turns received browser messages and the passing of time into {@link org.smbscope.server.browse.BrowserAction}s
 * that {@code server.netbios.NetbiosServices} carries out on the wire.
 */
package org.smbscope.server.browse;
