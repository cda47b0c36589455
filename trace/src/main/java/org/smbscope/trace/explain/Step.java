package org.smbscope.trace.explain;

/** The steps of a connection as the narrative tells them, in the order they happen. */
public enum Step {
    NAME("Name"),
    TRANSPORT("Transport"),
    NEGOTIATE("Negotiate"),
    AUTHENTICATION("Authentication"),
    TREE_CONNECT("Tree connect"),
    FILES("Files and pipes");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** "Tree connect". */
    public String label() {
        return label;
    }
}
