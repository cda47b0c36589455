package org.smbscope.trace.diagnose;

/** How much a finding matters: ERROR explains a failure, WARNING will fail for some clients, INFO is worth knowing. */
public enum Severity {
    ERROR, WARNING, INFO
}
