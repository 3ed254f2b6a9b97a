package org.parley.cases.api;

/** The negotiating entity's strength relative to the groups. */
public enum RelativeStrength {
    WEAKER,
    COMPARABLE,
    STRONGER
}
