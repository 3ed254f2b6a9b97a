package org.parley.policy;

/** A case's secrecy tier, from strictest to most open (docs/secrecy-model.md §1). */
public enum Tier {
    SECRET,
    RESULTS_PUBLIC,
    PUBLICLY_KNOWN;

    /** True when this tier shows the case to more people than {@code other} does. */
    public boolean isLooserThan(Tier other) {
        return ordinal() > other.ordinal();
    }

    /** True when this tier shows the case to fewer people than {@code other} does. */
    public boolean isStricterThan(Tier other) {
        return ordinal() < other.ordinal();
    }
}
