/**
 * The few [MS-DTYP] data types SMB needs: {@link org.smbscope.codec.dtyp.FileTime} (FILETIME to and
 * from {@link java.time.Instant}), {@link org.smbscope.codec.dtyp.Guid} (wire bytes and text form),
 * {@link org.smbscope.codec.dtyp.Sid} (binary and "S-1-5-..." form) and an opaque
 * {@link org.smbscope.codec.dtyp.SecurityDescriptor}.
 */
package org.smbscope.codec.dtyp;
