package org.parley.stack.supervision;

import java.util.Locale;

/** What health reports for a supervised part. */
public enum PartState {
    UP,
    DOWN,
    RESTARTING;

    /** "up", "down", "restarting": the form of health JSON and status lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
