package org.parley.cases.content;

/** The negotiating entity's strength relative to the groups. */
public enum RelativeStrength {
    WEAKER,
    COMPARABLE,
    STRONGER
}
