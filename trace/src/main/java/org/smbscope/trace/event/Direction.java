package org.smbscope.trace.event;

/** Which way a message went, relative to the client that opened the conversation. */
public enum Direction {
    CLIENT_TO_SERVER("->"),
    SERVER_TO_CLIENT("<-");

    private final String arrow;

    Direction(String arrow) {
        this.arrow = arrow;
    }

    /** "->" or "<-", as the ladder and the text report draw it. */
    public String arrow() {
        return arrow;
    }
}
