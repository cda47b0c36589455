package org.smbscope.codec.wire;

/** A decoded message that can show itself as a Wireshark-like detail tree. */
public interface Described {
    Detail detail();
}
