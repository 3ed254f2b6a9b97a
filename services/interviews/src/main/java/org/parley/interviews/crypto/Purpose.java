package org.parley.interviews.crypto;

/** The two kinds of encrypted record, each under its own KEK. */
public enum Purpose {
    /** Descriptor, notes, transcript and quotes of an interview. */
    CONTENT("content"),
    /** The vault: the interviewee's real name and contact. */
    IDENTITY("identity");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
