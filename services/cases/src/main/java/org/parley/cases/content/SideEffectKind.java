package org.parley.cases.content;

/** Unintended consequences of a deal. */
public enum SideEffectKind {
    MORAL_HAZARD,
    CONTAGION,
    OTHER
}
