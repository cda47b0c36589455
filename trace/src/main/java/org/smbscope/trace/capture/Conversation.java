package org.smbscope.trace.capture;

/** A TCP conversation, client side first. */
public record Conversation(Endpoint client, Endpoint server) {
    // written out as in Endpoint: fast before compilation, the generated hash
    @Override
    public boolean equals(Object o) {
        return o instanceof Conversation c && client.equals(c.client) && server.equals(c.server);
    }

    @Override
    public int hashCode() {
        return 31 * client.hashCode() + server.hashCode();
    }

    @Override
    public String toString() {
        return client + " -> " + server;
    }
}
