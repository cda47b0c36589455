package org.smbscope.server.config;

/** {@code server smb encrypt} / share {@code smb encrypt}: off, desired (if_required/default map to desired) or required. */
public enum EncryptPolicy { OFF, DESIRED, REQUIRED }
