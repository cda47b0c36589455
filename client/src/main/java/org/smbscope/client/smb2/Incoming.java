package org.smbscope.client.smb2;

/**
 * One response as it came off the wire (decrypted if it was sealed), with the request that caused
 * it, as sent (needed for the preauth integrity hash).
 */
record Incoming(byte[] message, byte[] request, boolean encrypted) {
    int status() {
        return HeaderView.i32(message, HeaderView.OFF_STATUS);
    }

    int command() {
        return HeaderView.u16(message, HeaderView.OFF_COMMAND);
    }

    long sessionId() {
        return HeaderView.u64(message, HeaderView.OFF_SESSION_ID);
    }

    long messageId() {
        return HeaderView.u64(message, HeaderView.OFF_MESSAGE_ID);
    }

    int flags() {
        return HeaderView.i32(message, HeaderView.OFF_FLAGS);
    }

    boolean signed() {
        return (flags() & HeaderView.FLAG_SIGNED) != 0;
    }
}
