package org.smbscope.server.config;

/**
 * {@code server smb encrypt} / share {@code smb encrypt}, with smb.conf's meanings: {@link #OFF} never encrypts
 * nor offers encryption; {@link #IF_REQUIRED} (the default; also {@code default}, {@code auto}, {@code yes})
 * offers it and leaves the choice to the client; {@link #DESIRED} turns on data encryption (the
 * ENCRYPT_DATA session/share flag) for clients that support it and lets the others in unencrypted;
 * {@link #REQUIRED} turns it on and refuses clients that cannot encrypt.
 */
public enum EncryptPolicy { OFF, IF_REQUIRED, DESIRED, REQUIRED }
