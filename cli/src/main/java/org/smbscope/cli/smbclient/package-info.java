/**
 * {@code smbscope smbclient}: Samba's smbclient command line (share listing, a shell over one
 * share, {@code -c} command lists) on top of the client's {@code SmbClient} API.
 */
package org.smbscope.cli.smbclient;
