package org.smbscope.server.config;

/** {@code map to guest}: never, unknown user ("bad user") or also a wrong password ("bad password"). */
public enum MapToGuest { NEVER, BAD_USER, BAD_PASSWORD }
