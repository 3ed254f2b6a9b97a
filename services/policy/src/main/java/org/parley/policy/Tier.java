package org.parley.policy;

/** A case's secrecy tier, from strictest to most open (secrecy model, section 1). */
public enum Tier {
    SECRET,
    RESULTS_PUBLIC,
    PUBLICLY_KNOWN;

    /** True when moving from this tier to {@code target} opens the case to more people. */
    public boolean isLooserThan(Tier other) {
        return ordinal() > other.ordinal();
    }

    public boolean isStricterThan(Tier other) {
        return ordinal() < other.ordinal();
    }
}
