package org.smbscope.server.config;

/** {@code server signing}: disabled, auto/default (offered, not required) or mandatory. */
public enum SigningPolicy { DISABLED, AUTO, MANDATORY }
