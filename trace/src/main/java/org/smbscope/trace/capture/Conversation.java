package org.smbscope.trace.capture;

/** A TCP conversation, client side first. */
public record Conversation(Endpoint client, Endpoint server) {
    @Override
    public String toString() {
        return client + " -> " + server;
    }
}
